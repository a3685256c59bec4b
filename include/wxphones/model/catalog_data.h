#pragma once
#include <string_view>

namespace wx::embedded {

// data/supported-devices.json, compiled in: the GET /telephony/config/supportedDevices body
// that offline validate and the emulator both start from.
extern const std::string_view supported_devices_json;

}  // namespace wx::embedded
