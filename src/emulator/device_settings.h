#pragma once
// Customizations with inheritance org -> location -> device (WEBEX_API §6.6). Reads resolve the
// chain every time, so an org change shows at once wherever nothing overrides it.
// All functions assume the caller holds state.mutex.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/state.h"

namespace wx::emulator {

inline constexpr const char* kCustomizationFamilies[] = {"ata", "dect", "mpp", "wifi"};

// The spec example's org values (settings_data.cpp), parsed once.
const nlohmann::json& default_customizations();

// The device's family key (from its model's supportedDevices type: MPP -> mpp, ATA -> ata,
// WIFI -> wifi); empty when the model has no customizations (PhoneOS, unknown models).
std::string customization_family(const State& state, const Device& device);

const nlohmann::json& org_customizations(const State& state);
bool location_custom_enabled(const State& state, const std::string& location_uuid);
// What a location reads: its own values over the org's when customEnabled, else the org's.
nlohmann::json location_customizations(const State& state, const std::string& location_uuid);
// The device's one family object: own values over the location's when customEnabled.
nlohmann::json device_customizations(const State& state, const Device& device);

// The devices a scope change reaches (location_uuid nullopt = org): those of the scope that use
// customizations and do not carry their own (customEnabled). Their count is deviceCount.
std::vector<std::string> devices_reached(const State& state, const std::optional<std::string>& location_uuid);

// Checks a customizations object (families `allowed`) against the OpenAPI types: wrong types and
// unknown enum values are errors naming the field; unknown keys are tolerated (the spec's own
// examples carry keys its schema lacks). nullopt when valid.
std::optional<std::string> check_customizations(const nlohmann::json& customizations,
                                                const std::vector<std::string>& allowed);

}  // namespace wx::emulator
