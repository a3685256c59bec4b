#pragma once
#include <string_view>

namespace wx::embedded {

// data/supported-devices.json, compiled in: the GET /telephony/config/supportedDevices body
// that offline validate and the emulator both start from.
extern const std::string_view supported_devices_json;
// data/dynamic-settings-schema.json: a GET .../dynamicSettings/validationSchema body for the
// families the built-in catalog uses (an assumption, see docs/emulator.md).
extern const std::string_view dynamic_settings_schema_json;

}  // namespace wx::embedded
