#pragma once
#include <cstddef>
#include <string>

namespace wx {

// "1 phone", "3 phones": counts in messages read as English.
inline std::string count_text(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace wx
