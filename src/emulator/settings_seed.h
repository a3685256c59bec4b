#pragma once
#include <yaml-cpp/yaml.h>

#include "emulator/state.h"

namespace wx::emulator {

// Seed hooks of the settings families (docs/emulator.md). Throw SeedError on a bad entry.
void load_settings_seed(State& state, const YAML::Node& root);                          // after devices
void load_device_settings_seed(State& state, Device& device, const YAML::Node& entry);  // per device

}  // namespace wx::emulator
