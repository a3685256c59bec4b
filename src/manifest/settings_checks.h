#pragma once
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "wxphones/manifest/kind_registry.h"
#include "wxphones/model/dynamic_settings.h"
#include "wxphones/model/hoteling.h"

namespace wx::manifest {

// Parts shared by Phone, DeviceSettings, WorkspaceDevices and PersonDevices.

// The file holding the official customizations schema (extracted from webex-device.json) and the
// two objects manifests use: organization/location scope (with dect) and device scope.
inline constexpr const char* kCustomizationsSchema = "customizations.schema.json";
inline constexpr const char* kScopeCustomizations = "/$defs/CustomizationObject";
inline constexpr const char* kDeviceCustomizations = "/$defs/CustomizationDeviceLevelObject";

// Checks `value` (written at `pointer`) against the official schema object `definition`; every
// problem is reported at its own key or value.
void check_customizations(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& value,
                          const std::string& pointer, const char* definition);

// Reads {"%TAG%": "value" | null} written at `pointer` for one family at one level. When the
// built-in validation schema knows the family, each tag must exist there, be settable at `level`
// and its value must pass the tag's rule; other families are checked at plan time against the
// organisation's own schema. Values must be strings (YAML would otherwise turn 07 into 7).
std::map<std::string, std::optional<std::string>> decode_dynamic_tags(
    const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& tags, const std::string& pointer,
    const std::string& family, SettingLevel level);

// {enabled?, limitGuestUse?, guestHoursLimit?}; fields of the wrong type are left unset (the
// schema reports them).
Hoteling decode_hoteling(const nlohmann::json& hoteling);

}  // namespace wx::manifest
