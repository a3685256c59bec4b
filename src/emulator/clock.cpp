#include "emulator/clock.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace wx::emulator {

EmulatedClock::EmulatedClock(double scale)
    : m_scale(scale > 0 ? scale : 1.0),
      m_origin_ms(std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count()),
      m_origin_steady(std::chrono::steady_clock::now()) {}

std::int64_t EmulatedClock::now_ms() const {
  auto real_elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_origin_steady);
  return m_origin_ms + static_cast<std::int64_t>(real_elapsed.count() * m_scale) + m_jump_ms.load();
}

void EmulatedClock::advance_ms(std::int64_t ms) {
  if (ms > 0) m_jump_ms += ms;
}

std::string iso8601(std::int64_t unix_ms) {
  std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  std::array<char, 80> buf{};  // room for any int the format can print
  std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(unix_ms % 1000));
  return std::string(buf.data());
}

}  // namespace wx::emulator
