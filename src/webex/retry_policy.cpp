#include "retry_policy.h"

#include <algorithm>
#include <cctype>
#include <random>

namespace wx::webex_detail {

namespace {

constexpr long long kDefaultRetryAfterSeconds = 5;  // wxc_sdk's default when the header is missing

std::mt19937_64& rng() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

}  // namespace

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const {
  using std::chrono::milliseconds;
  long long base = std::max<long long>(0, m_config.backoff_base.count());
  long long cap = std::max<long long>(0, m_config.backoff_cap.count());
  long long ceiling = base;
  for (int i = 0; i < attempt && ceiling < cap; ++i) {
    ceiling *= 2;
  }
  ceiling = std::min(ceiling, cap);
  if (ceiling <= 0) {
    return milliseconds{0};
  }
  std::uniform_int_distribution<long long> draw(0, ceiling);
  return milliseconds{draw(rng())};
}

std::chrono::milliseconds RetryPolicy::retry_after(const std::optional<std::string>& header) const {
  long long seconds = kDefaultRetryAfterSeconds;
  if (header && !header->empty() &&
      std::all_of(header->begin(), header->end(), [](unsigned char c) { return std::isdigit(c); }) &&
      header->size() < 10) {
    seconds = std::stoll(*header);
  }
  // An HTTP-date form is treated like a missing header.
  seconds = std::min<long long>(seconds, m_config.max_retry_after.count());
  return m_config.retry_after_unit * seconds;
}

}  // namespace wx::webex_detail
