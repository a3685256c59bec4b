#include "emulator/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace wx::emulator {

RateLimiter::RateLimiter(double requests_per_second, int burst)
    : m_rate(requests_per_second), m_capacity(burst > 0 ? burst : std::max(1.0, requests_per_second)) {}

std::optional<RateLimiter::Refusal> RateLimiter::take(const std::string& token) {
  if (!enabled()) return std::nullopt;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(m_mutex);
  auto [it, inserted] = m_buckets.try_emplace(token, Bucket{m_capacity, now});
  auto& bucket = it->second;
  double elapsed = std::chrono::duration<double>(now - bucket.last).count();
  bucket.tokens = std::min(m_capacity, bucket.tokens + elapsed * m_rate);
  bucket.last = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  int wait = static_cast<int>(std::ceil((1.0 - bucket.tokens) / m_rate));
  return Refusal{std::max(1, wait), bucket.refusals++ % 2 == 0};
}

}  // namespace wx::emulator
