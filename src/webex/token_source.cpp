#include "token_source.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "body_json.h"
#include "error_body.h"
#include "url.h"
#include "wxphones/util/secrets.h"

namespace wx::webex_detail {

namespace {

constexpr const char* kTokenPath = "/access_token";

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(name) + "=" + percent_encode(value);
  }
  return out;
}

TokenRejected refresh_failed(const std::string& reason) {
  return TokenRejected("Webex rejected the access token and refreshing it failed: " + reason +
                       ". Check WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN");
}

}  // namespace

TokenSource::TokenSource(const ClientConfig& config, CurlTransport& transport, std::string token_url)
    : m_transport(transport), m_token_url(std::move(token_url)), m_refresh(config.refresh) {
  m_token.value = config.access_token;
  if (m_refresh) {
    BaseUrl checked(m_token_url);  // the same rule as for the API: https, or http only to loopback
    register_secret(m_refresh->client_secret);
    register_secret(m_refresh->refresh_token);
  }
  if (!m_token.value.empty()) register_secret(m_token.value);
}

TokenSource::Token TokenSource::current() {
  std::lock_guard lock(m_mutex);
  if (m_token.value.empty() && m_refresh) return refresh_locked();  // only refresh credentials given
  return m_token;
}

TokenSource::Token TokenSource::renew(const Token& rejected) {
  std::lock_guard lock(m_mutex);
  if (m_token.generation != rejected.generation) return m_token;  // another request renewed it already
  if (!m_refresh) {
    throw TokenRejected(
        "Webex rejected the access token (401 Unauthorized): it has expired or was revoked. Give wxphones "
        "a valid token (WEBEX_ACCESS_TOKEN or --token-file), or set WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and "
        "WEBEX_REFRESH_TOKEN so that it refreshes it");
  }
  if (m_refusal) throw TokenRejected(*m_refusal);
  try {
    return refresh_locked();
  } catch (const TokenRejected& e) {
    m_refusal = e.what();
    throw;
  }
}

TokenSource::Token TokenSource::refresh_locked() {
  HttpRequest request;
  request.method = "POST";
  request.url = m_token_url;
  request.headers = {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"};
  request.body = form_encode({{"grant_type", "refresh_token"},
                              {"client_id", m_refresh->client_id},
                              {"client_secret", m_refresh->client_secret},
                              {"refresh_token", m_refresh->refresh_token}});
  HttpResponse response;
  try {
    response = m_transport.perform(request);
  } catch (const TransportError& e) {
    throw refresh_failed(std::string("no answer from the token endpoint (") + redact(e.what()) + ")");
  }
  if (response.status != 200) {
    auto error = error_from_response(static_cast<int>(response.status), "POST", kTokenPath, response.body,
                                     response.header("trackingid").value_or(""));
    throw refresh_failed(redact(error.what()));
  }
  auto body = parse_body_json(response.body);
  if (!body.is_object() || !body.contains("access_token") || !body["access_token"].is_string() ||
      body["access_token"].get<std::string>().empty()) {
    throw refresh_failed("the token endpoint's answer has no access_token");
  }
  m_token.value = body["access_token"].get<std::string>();
  register_secret(m_token.value);
  ++m_token.generation;
  // Webex may rotate the refresh token; the new one is used for the rest of this run.
  if (auto it = body.find("refresh_token"); it != body.end() && it->is_string() && !it->empty()) {
    m_refresh->refresh_token = it->get<std::string>();
    register_secret(m_refresh->refresh_token);
  }
  spdlog::info("access token refreshed with the refresh grant of client {}", m_refresh->client_id);
  return m_token;
}

}  // namespace wx::webex_detail
