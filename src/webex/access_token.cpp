#include "wxphones/webex/access_token.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "wxphones/util/secrets.h"

namespace wx {

namespace {

std::string trim(std::string text) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

std::string read_token_file(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::is_regular_file(status)) {
    throw std::runtime_error("cannot read the token file " + path.string() + ": not a readable file");
  }
  constexpr auto kWiderThanOwner = fs::perms::group_all | fs::perms::others_all;
  if ((status.permissions() & kWiderThanOwner) != fs::perms::none) {
    spdlog::warn("token file {} is accessible to group or others; restrict it with chmod 600", path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read the token file " + path.string());
  }
  std::ostringstream content;
  content << in.rdbuf();
  std::string token = trim(content.str());
  if (token.empty()) {
    throw std::runtime_error("the token file " + path.string() + " is empty");
  }
  return token;
}

}  // namespace

std::string resolve_access_token(const std::optional<std::filesystem::path>& token_file, bool required) {
  std::string token;
  if (token_file) {
    token = read_token_file(*token_file);
  } else if (const char* env = std::getenv("WEBEX_ACCESS_TOKEN"); env != nullptr) {
    token = trim(env);
  }
  if (token.empty()) {
    if (!required) return token;
    throw std::runtime_error(
        "no Webex access token: set the environment variable WEBEX_ACCESS_TOKEN or pass --token-file FILE");
  }
  register_secret(token);
  return token;
}

std::optional<RefreshCredentials> resolve_refresh_credentials() {
  auto read = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? trim(value) : std::string();
  };
  RefreshCredentials credentials{read("WEBEX_CLIENT_ID"), read("WEBEX_CLIENT_SECRET"),
                                 read("WEBEX_REFRESH_TOKEN")};
  register_secret(credentials.client_secret);
  register_secret(credentials.refresh_token);
  std::string missing;
  int missing_count = 0;
  auto note = [&](const std::string& value, const char* name) {
    if (!value.empty()) return;
    missing += std::string(missing.empty() ? "" : ", ") + name;
    ++missing_count;
  };
  note(credentials.client_id, "WEBEX_CLIENT_ID");
  note(credentials.client_secret, "WEBEX_CLIENT_SECRET");
  note(credentials.refresh_token, "WEBEX_REFRESH_TOKEN");
  if (missing_count == 3) return std::nullopt;
  if (!missing.empty()) {
    throw std::runtime_error("incomplete refresh credentials: " + missing +
                             " not set (refreshing the access token needs all three)");
  }
  return credentials;
}

}  // namespace wx
