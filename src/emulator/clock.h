#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace wx::emulator {

// Emulated time: starts at the real wall clock and runs `scale` times faster; advance() jumps
// ahead. Lifecycle delays (phone online after 30 s...) are measured on it, so tests and demos
// need not wait in real time. Thread-safe.
class EmulatedClock {
 public:
  explicit EmulatedClock(double scale = 1.0);

  std::int64_t now_ms() const;  // emulated Unix time, milliseconds
  void advance_ms(std::int64_t ms);
  double scale() const { return m_scale; }

 private:
  double m_scale;
  std::int64_t m_origin_ms;  // real (and emulated) time at construction
  std::chrono::steady_clock::time_point m_origin_steady;
  std::atomic<std::int64_t> m_jump_ms{0};
};

// "2016-04-21T17:00:00.000Z", the format of every Webex timestamp.
std::string iso8601(std::int64_t unix_ms);

}  // namespace wx::emulator
