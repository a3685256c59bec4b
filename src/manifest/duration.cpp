#include "manifest/duration.h"

#include <cctype>
#include <limits>

namespace wx::manifest {

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  constexpr std::string_view units = "hms";
  constexpr long long factors[] = {3600, 60, 1};
  std::size_t next_unit = 0;  // units must come in order h, m, s
  long long total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    long long number = 0;
    std::size_t digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (number > std::numeric_limits<int>::max()) return std::nullopt;
      number = number * 10 + (text[i] - '0');
      ++i;
      ++digits;
    }
    if (digits == 0 || i == text.size()) return std::nullopt;
    std::size_t unit = units.find(text[i]);
    if (unit == std::string_view::npos || unit < next_unit) return std::nullopt;
    total += number * factors[unit];
    next_unit = unit + 1;
    ++i;
  }
  return std::chrono::seconds(total);
}

}  // namespace wx::manifest
