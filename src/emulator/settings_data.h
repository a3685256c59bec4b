#pragma once
#include <string_view>

namespace wx::emulator::data {

// Compiled-in data of the device settings families (settings_data.cpp, generated from the
// OpenAPI description of the device APIs).
extern const std::string_view customization_defaults_json;
extern const std::string_view customization_types_json;

}  // namespace wx::emulator::data
