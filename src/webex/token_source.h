#pragma once
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "curl_transport.h"
#include "wxphones/webex/client_config.h"

namespace wx::webex_detail {

// The token was rejected and no new one can be had; the message says what to do.
class TokenRejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The access token every request carries, and its renewal. Webex answers 401 when a token expired or
// was revoked; with refresh credentials the source trades the refresh token for a new access token at
// the OAuth token endpoint (RFC 6749 §6, form-encoded) once, however many requests saw the 401 at the
// same time. Every token it handles is registered with redact().
class TokenSource {
 public:
  struct Token {
    std::string value;
    int generation = 0;  // which token a request carried, so a 401 renews it only once
  };

  TokenSource(const ClientConfig& config, CurlTransport& transport, std::string token_url);

  Token current();
  bool can_refresh() const { return m_refresh.has_value(); }
  // After a 401 to a request that carried `rejected`: a newer token, refreshed now or by another
  // thread meanwhile. Throws TokenRejected when there are no refresh credentials or the token endpoint
  // refuses them.
  Token renew(const Token& rejected);

 private:
  Token refresh_locked();

  CurlTransport& m_transport;
  std::string m_token_url;
  std::optional<RefreshCredentials> m_refresh;
  std::mutex m_mutex;
  Token m_token;
  std::optional<std::string> m_refusal;  // a refused refresh is not tried again for the same token
};

}  // namespace wx::webex_detail
