#include "emulator/tokens.h"

namespace wx::emulator {

namespace {

constexpr int kAccessTokenSeconds = 1209600;   // 14 days (WEBEX_API.md §1)
constexpr int kRefreshTokenSeconds = 7776000;  // 90 days

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string form_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> parse_form(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    auto end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    auto pair = body.substr(start, end - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      fields[form_decode(pair.substr(0, eq))] =
          eq == std::string::npos ? "" : form_decode(pair.substr(eq + 1));
    }
    start = end + 1;
  }
  return fields;
}

std::string redacted_token_request(const std::string& form_body) {
  std::string out;
  for (const auto& [name, value] : parse_form(form_body)) {
    const bool secret = name == "client_secret" || name == "refresh_token" || name == "code";
    out += (out.empty() ? "" : "&") + name + "=" + (secret ? std::string("REDACTED") : value);
  }
  return out;
}

std::string redacted_token_response(const std::string& json_body) {
  auto body = nlohmann::json::parse(json_body, nullptr, false);
  if (!body.is_object()) return json_body;
  for (const char* name : {"access_token", "refresh_token"}) {
    if (body.contains(name)) body[name] = "REDACTED";
  }
  return body.dump();
}

TokenRegistry::TokenRegistry(std::vector<std::string> seeded, std::optional<OAuthClient> client)
    : m_any_accepted(seeded.empty()), m_valid(seeded.begin(), seeded.end()), m_client(std::move(client)) {}

bool TokenRegistry::accept(const std::string& token) {
  std::lock_guard lock(m_mutex);
  if (token.empty() || m_revoked.contains(token)) return false;
  if (!m_any_accepted && !m_valid.contains(token)) return false;
  if (m_any_accepted) m_valid.insert(token);  // remembered, so that a revocation covers it
  if (m_expire_countdown && --*m_expire_countdown < 0) {
    m_expire_countdown.reset();
    revoke_all_locked();
    return false;
  }
  return true;
}

void TokenRegistry::revoke_all() {
  std::lock_guard lock(m_mutex);
  revoke_all_locked();
}

void TokenRegistry::revoke_all_locked() {
  m_revoked.insert(m_valid.begin(), m_valid.end());
  m_valid.clear();
  m_any_accepted = false;
  ++m_revocations;
}

void TokenRegistry::expire_after(int requests) {
  std::lock_guard lock(m_mutex);
  m_expire_countdown = requests;
}

TokenRegistry::Grant TokenRegistry::grant(const std::string& form_body) {
  auto form = parse_form(form_body);
  std::lock_guard lock(m_mutex);
  auto refuse = [&](int status, std::string reason) {
    ++m_refused_grants;
    Grant g;
    g.status = status;
    g.error = std::move(reason);
    return g;
  };
  if (form["grant_type"] != "refresh_token") {
    return refuse(400, "Only grant_type=refresh_token is emulated.");
  }
  if (form["client_id"].empty() || form["client_secret"].empty() || form["refresh_token"].empty()) {
    return refuse(400, "client_id, client_secret and refresh_token are required.");
  }
  if (!m_client || form["client_id"] != m_client->client_id ||
      form["client_secret"] != m_client->client_secret) {
    return refuse(401, "The client is not known or its secret is wrong.");
  }
  if (form["refresh_token"] != m_client->refresh_token) {
    return refuse(400, "The refresh token is invalid or expired.");
  }
  std::string access = "emu-access-" + std::to_string(++m_issued) + "-" + m_ids.uuid();
  m_valid.insert(access);
  Grant g;
  g.token_body = {{"access_token", access},
                  {"expires_in", kAccessTokenSeconds},
                  {"refresh_token", m_client->refresh_token},
                  {"refresh_token_expires_in", kRefreshTokenSeconds},
                  {"token_type", "Bearer"}};
  return g;
}

nlohmann::json TokenRegistry::to_json() const {
  std::lock_guard lock(m_mutex);
  return {
      {"anyTokenAccepted", m_any_accepted},
      {"validTokens", m_valid.size()},
      {"revokedTokens", m_revoked.size()},
      {"revocations", m_revocations},
      {"issued", m_issued},
      {"refusedGrants", m_refused_grants},
      {"oauthClient", m_client.has_value()},
      {"expiresAfterRequests", m_expire_countdown ? nlohmann::json(*m_expire_countdown) : nlohmann::json()}};
}

}  // namespace wx::emulator
