#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "wxphones/webex/client_config.h"

namespace wx::webex_detail {

// When to try a call again and how long to wait first. Pure, apart from the jitter source.
class RetryPolicy {
 public:
  explicit RetryPolicy(const ClientConfig& config) : m_config(config) {}

  // Wait before retry number `attempt` (0-based) of a failed idempotent call: "full jitter", a uniform
  // draw from [0, min(cap, base * 2^attempt)], so that many clients do not retry in lockstep.
  std::chrono::milliseconds backoff(int attempt) const;

  // Wait demanded by a Retry-After header (whole seconds; absent or unreadable = 5 s), capped by
  // max_retry_after and scaled by retry_after_unit.
  std::chrono::milliseconds retry_after(const std::optional<std::string>& header) const;

  bool may_retry_failure(int retries_so_far) const { return retries_so_far < m_config.max_retries; }
  bool may_retry_throttled(int retries_so_far) const { return retries_so_far < m_config.max_429_retries; }

 private:
  const ClientConfig& m_config;
};

}  // namespace wx::webex_detail
