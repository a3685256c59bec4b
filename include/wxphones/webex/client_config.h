#pragma once
#include <chrono>
#include <optional>
#include <string>

namespace wx {

// An OAuth integration's (or service app's) refresh grant: with it the client gets a new access token
// when Webex rejects the current one (expired or revoked) and carries on. All three are secrets.
struct RefreshCredentials {
  std::string client_id;      // WEBEX_CLIENT_ID
  std::string client_secret;  // WEBEX_CLIENT_SECRET
  std::string refresh_token;  // WEBEX_REFRESH_TOKEN
};

// How to reach Webex. Built by the CLI from the environment and flags.
struct ClientConfig {
  std::string base_url = "https://webexapis.com/v1";  // WEBEX_API_BASE_URL
  std::string access_token;                            // never logged, printed or written
  std::optional<RefreshCredentials> refresh;           // may stand in for a missing access token
  std::string token_url;  // the OAuth token endpoint; empty = base_url + "/access_token"
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
