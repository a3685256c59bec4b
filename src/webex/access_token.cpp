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

std::string resolve_access_token(const std::optional<std::filesystem::path>& token_file) {
  std::string token;
  if (token_file) {
    token = read_token_file(*token_file);
  } else if (const char* env = std::getenv("WEBEX_ACCESS_TOKEN"); env != nullptr) {
    token = trim(env);
  }
  if (token.empty()) {
    throw std::runtime_error(
        "no Webex access token: set the environment variable WEBEX_ACCESS_TOKEN or pass --token-file FILE");
  }
  register_secret(token);
  return token;
}

}  // namespace wx
