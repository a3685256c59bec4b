#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace wx::emulator {

// A token bucket per access token, on real time (a rate limit is about the client's pace, not
// about the emulated lifecycle). Thread-safe.
class RateLimiter {
 public:
  RateLimiter(double requests_per_second, int burst);
  bool enabled() const { return m_rate > 0; }

  struct Refusal {
    int retry_after_seconds;
    bool with_body;  // alternates, since Webex sometimes sends a 429 without a body (§3)
  };
  std::optional<Refusal> take(const std::string& token);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
    long refusals = 0;
  };
  double m_rate;
  double m_capacity;
  std::mutex m_mutex;
  std::map<std::string, Bucket> m_buckets;
};

}  // namespace wx::emulator
