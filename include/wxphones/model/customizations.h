#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace wx {

// Device "customizations" (WEBEX_API.md §6.6), kept as the API shapes them: an object keyed by
// family ("mpp", "ata", "dect", "wifi"), each an object of settings. The official schema is large
// and grows; wxphones manages only the keys a manifest declares, so it carries JSON, not structs.

// GET /telephony/config/devices/{id}/settings (device), .../locations/{id}/devices/settings
// (location) or /telephony/config/devices/settings (organization).
struct ScopeCustomizations {
  std::optional<bool> custom_enabled;  // device and location levels; absent at organization level
  nlohmann::json customizations = nlohmann::json::object();
  bool update_in_progress = false;  // a settings job is running on this scope
};

// Which family key a model's customizations live under, from its supportedDevices type:
// "MPP" -> "mpp", "ATA" -> "ata", "WIFI" -> "wifi"; empty when the model has none.
std::string customization_family_for_type(const std::string& device_type);

// `declared` laid over `live`, recursively for objects (arrays and scalars replace): the body of a
// PUT that changes only the declared keys.
nlohmann::json overlay_json(const nlohmann::json& live, const nlohmann::json& declared);

// The declared leaves whose live value differs: JSON Pointer -> {before, after}. Empty = in sync.
// A declared leaf absent live counts as different (before = null).
nlohmann::json declared_differences(const nlohmann::json& live, const nlohmann::json& declared);

}  // namespace wx
