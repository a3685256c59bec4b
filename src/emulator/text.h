#pragma once
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace wx::emulator {

inline std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
  return to_lower(a) == to_lower(b);
}

inline bool icontains(std::string_view haystack, std::string_view needle) {
  return to_lower(haystack).find(to_lower(needle)) != std::string::npos;
}

inline bool istarts_with(std::string_view text, std::string_view prefix) {
  return to_lower(text).rfind(to_lower(prefix), 0) == 0;
}

// "a,b" and repeated parameters alike: every non-empty comma-separated item of every value.
inline std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    std::size_t pos = 0;
    while (pos <= v.size()) {
      auto next = v.find(',', pos);
      if (next == std::string::npos) next = v.size();
      auto item = v.substr(pos, next - pos);
      if (!item.empty()) out.push_back(item);
      pos = next + 1;
    }
  }
  return out;
}

}  // namespace wx::emulator
