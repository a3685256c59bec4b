#pragma once
#include <stdexcept>
#include <string>

#include "emulator/state.h"

namespace wx::emulator {

struct SeedError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Fills state.org from a YAML seed (format: docs/emulator.md). Relative paths in the seed
// (supportedDevices) are resolved against base_dir. Throws SeedError naming the bad entry.
void load_seed(State& state, const std::string& yaml_text, const std::string& base_dir);

// "30s", "5m", "1h", "250ms", a bare number of seconds; null/"null" = nullopt.
std::optional<std::int64_t> parse_duration_ms(const std::string& text);

}  // namespace wx::emulator
