#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wxphones/webex/webex_client.h"

namespace wx::webex_detail {

struct UrlParts {
  std::string scheme;  // lower-case
  std::string host;    // lower-case; IPv6 in brackets
  std::string port;    // explicit or the scheme's default
  std::string path;
  std::string query;  // without '?'
};

// nullopt when the text is not an absolute http(s)-like URL.
std::optional<UrlParts> parse_url(const std::string& url);

// 127.0.0.0/8, localhost, [::1]
bool is_loopback_host(std::string_view host);

std::string percent_encode(std::string_view text);
std::string encode_query(const QueryParams& query);

// The rel="next" target among Link header values (RFC 8288), if any.
std::optional<std::string> next_link(const std::vector<std::string>& link_headers);

// A Link header that mentions a next page although next_link() could not read one from it: a listing
// must not take it for the last page.
std::optional<std::string> unreadable_next_link(const std::vector<std::string>& link_headers);

// The configured base URL: where requests go, and the only origin a token is ever sent to.
class BaseUrl {
 public:
  // Throws std::invalid_argument: not a URL, not http(s), or http to a non-loopback host.
  explicit BaseUrl(const std::string& url);

  std::string url_for(const std::string& path, const QueryParams& query) const;
  bool same_origin(const std::string& url) const;
  std::string origin() const;  // scheme://host:port
  // Path (relative to the base path) and query of an absolute URL, for logs and errors.
  std::string display(const std::string& url, bool with_query) const;

 private:
  UrlParts m_parts;
  std::string m_prefix;  // scheme://host:port/base-path without a trailing slash
};

}  // namespace wx::webex_detail
