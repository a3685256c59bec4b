#pragma once
#include <chrono>
#include <optional>
#include <string_view>

namespace wx::manifest {

// "90s", "30m", "1h", "1h30m", "1h30m15s" (units in that order, each at most once).
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

}  // namespace wx::manifest
