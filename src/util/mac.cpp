#include "wxphones/util/mac.h"

#include <cctype>

namespace wx {

std::optional<std::string> normalize_mac(std::string_view text) {
  std::string digits;
  char separator = 0;
  std::size_t group = 0;  // hex digits since the last separator
  std::size_t group_size = 0;
  for (char c : text) {
    if (std::isxdigit(static_cast<unsigned char>(c))) {
      digits.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      ++group;
      continue;
    }
    if (c != ':' && c != '-' && c != '.') return std::nullopt;
    if (separator != 0 && c != separator) return std::nullopt;  // mixed separators
    if (group == 0) return std::nullopt;                        // leading or doubled separator
    if (group_size != 0 && group != group_size) return std::nullopt;
    separator = c;
    group_size = group;
    group = 0;
  }
  if (separator != 0 && group != group_size) return std::nullopt;
  // Pairs (00:1B:...) or Cisco's groups of four (001B.54AA.0102); nothing else is a MAC spelling.
  if (separator != 0 && group_size != 2 && group_size != 4) return std::nullopt;
  if (digits.size() != 12) return std::nullopt;
  return digits;
}

}  // namespace wx
