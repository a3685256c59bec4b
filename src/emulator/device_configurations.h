#pragma once
// deviceConfigurations of one phone (WEBEX_API §7): the read-back view and the value checks,
// shared by the API routes, the control API and the seed.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "emulator/config_catalog.h"
#include "emulator/state.h"

namespace wx::emulator {

// Only models whose supportedDevices deviceSettingsConfiguration is WEBEX_DEVICE_CONFIGURATION.
bool uses_configuration_service(const State& state, const Device& device);
inline constexpr const char* kNotConfigurationServiceMessage =
    "The device does not use the configuration service; use the device settings API for this model.";

// The `items` map: every catalog key matching `filter` (all when null).
nlohmann::json configuration_items_json(const Device& device, const KeyFilter* filter = nullptr);

// nullopt when `value` may be configured for `key`; otherwise a Webex-style message naming the
// key and what was expected. `admin` (control API, seed) may also set non-editable keys.
std::optional<std::string> check_configuration(const std::string& key, const nlohmann::json& value,
                                               bool admin);

}  // namespace wx::emulator
