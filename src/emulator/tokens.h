#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/ids.h"

namespace wx::emulator {

// An OAuth client of the seed (`oauth:`): the refresh grant it accepts at POST /v1/access_token.
struct OAuthClient {
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
};

// Which access tokens the API accepts, and the OAuth token endpoint that issues new ones. Tests expire
// or revoke tokens through the control API to drive a client's refresh. Thread-safe; independent of the
// state lock because every API request asks it first.
class TokenRegistry {
 public:
  // `seeded` empty = any bearer token is accepted until revoke_all().
  TokenRegistry(std::vector<std::string> seeded, std::optional<OAuthClient> client);

  // Whether an API request with this token is accepted; counts it towards expire_after().
  bool accept(const std::string& token);

  // Control: every token accepted so far stops working, now or after `requests` more accepted requests.
  void revoke_all();
  void expire_after(int requests);

  struct Grant {
    int status = 200;   // 200, or 400/401 with `error`
    std::string error;  // the reason, for the error body
    nlohmann::json
        token_body;  // {access_token, expires_in, refresh_token, refresh_token_expires_in, token_type}
  };
  // POST /access_token with a form body (RFC 6749 §6: grant_type=refresh_token, client_id,
  // client_secret, refresh_token).
  Grant grant(const std::string& form_body);

  nlohmann::json to_json() const;  // counts only: no token values

 private:
  void revoke_all_locked();

  mutable std::mutex m_mutex;
  bool m_any_accepted;
  std::set<std::string> m_valid;
  std::set<std::string> m_revoked;
  std::optional<OAuthClient> m_client;
  std::optional<int> m_expire_countdown;
  IdGenerator m_ids{std::random_device{}()};
  int m_issued = 0;
  int m_refused_grants = 0;
  int m_revocations = 0;
};

// Field values of an application/x-www-form-urlencoded body.
std::map<std::string, std::string> parse_form(const std::string& body);

// A token exchange as the traffic log keeps it: the secrets' values replaced by "REDACTED", the shape kept
// (so the conformance check still sees which fields were sent and returned).
std::string redacted_token_request(const std::string& form_body);
std::string redacted_token_response(const std::string& json_body);

}  // namespace wx::emulator
