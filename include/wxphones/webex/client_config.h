#pragma once
#include <chrono>
#include <string>

namespace wx {

// How to reach Webex. Built by the CLI from the environment and flags.
struct ClientConfig {
  std::string base_url = "https://webexapis.com/v1";  // WEBEX_API_BASE_URL
  std::string access_token;                            // never logged, printed or written
  std::string org_id;                                  // sent as orgId when set (partner admins)
  int max_in_flight = 8;                               // requests in flight at once
  int max_retries = 5;                                 // per idempotent request (5xx, connection failures)
  std::chrono::milliseconds backoff_base{200};
  std::chrono::milliseconds backoff_cap{10000};
  std::chrono::seconds max_retry_after{60};  // a longer Retry-After is capped
  int max_429_retries = 20;                  // then the 429 is an error
  std::chrono::seconds timeout{60};          // per request
  // Length of one Retry-After "second". Only tests shorten it, so that rate-limit paths run fast.
  std::chrono::milliseconds retry_after_unit{1000};
};

}  // namespace wx
