#pragma once
#include <chrono>

namespace wx {

// Time as the executor sees it; tests substitute a clock that advances instantly.
class Clock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  virtual time_point now() = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

Clock& system_clock();

}  // namespace wx
