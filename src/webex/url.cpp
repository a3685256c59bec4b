#include "url.h"

#include <curl/curl.h>

#include <cctype>
#include <memory>
#include <stdexcept>

#include "wxphones/util/secrets.h"

namespace wx::webex_detail {

namespace {

std::string lower(std::string text) {
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

std::optional<std::string> url_part(CURLU* url, CURLUPart part, unsigned int flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, flags) != CURLUE_OK || value == nullptr) {
    return std::nullopt;
  }
  std::string out(value);
  curl_free(value);
  return out;
}

bool is_ipv4_loopback(std::string_view host) {
  // Dotted quad with first octet 127.
  int octets = 0;
  std::size_t pos = 0;
  while (pos <= host.size()) {
    std::size_t end = host.find('.', pos);
    if (end == std::string_view::npos) {
      end = host.size();
    }
    auto part = host.substr(pos, end - pos);
    if (part.empty() || part.size() > 3) {
      return false;
    }
    int value = 0;
    for (char c : part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    if (value > 255 || (octets == 0 && value != 127)) {
      return false;
    }
    ++octets;
    pos = end + 1;
  }
  return octets == 4;
}

// params: the "; rel=..." part after one link target, lower-case. rel may hold several space-separated types.
bool rel_has_next(const std::string& params) {
  auto pos = params.find("rel=");
  if (pos == std::string::npos) {
    return false;
  }
  pos += 4;
  std::string value;
  if (pos < params.size() && params[pos] == '"') {
    auto end = params.find('"', pos + 1);
    value = params.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
  } else {
    auto end = params.find_first_of(";, ", pos);
    value = params.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  }
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find(' ', start);
    if (value.substr(start, end == std::string::npos ? std::string::npos : end - start) == "next") {
      return true;
    }
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<UrlParts> parse_url(const std::string& text) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), &curl_url_cleanup);
  if (!url || curl_url_set(url.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  UrlParts parts;
  auto scheme = url_part(url.get(), CURLUPART_SCHEME);
  auto host = url_part(url.get(), CURLUPART_HOST);
  auto port = url_part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  if (!scheme || !host || host->empty()) {
    return std::nullopt;
  }
  parts.scheme = lower(*scheme);
  parts.host = lower(*host);
  parts.port = port.value_or("");
  parts.path = url_part(url.get(), CURLUPART_PATH).value_or("/");
  parts.query = url_part(url.get(), CURLUPART_QUERY).value_or("");
  return parts;
}

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "[::1]" || is_ipv4_loopback(host);
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0x0F]);
    }
  }
  return out;
}

std::string encode_query(const QueryParams& query) {
  std::string out;
  for (const auto& [name, value] : query) {
    if (!out.empty()) {
      out.push_back('&');
    }
    out += percent_encode(name);
    out.push_back('=');
    out += percent_encode(value);
  }
  return out;
}

std::optional<std::string> next_link(const std::vector<std::string>& link_headers) {
  for (const auto& header : link_headers) {
    std::size_t pos = 0;
    while (true) {
      auto open = header.find('<', pos);
      if (open == std::string::npos) {
        break;
      }
      auto close = header.find('>', open);
      if (close == std::string::npos) {
        break;
      }
      std::string target = header.substr(open + 1, close - open - 1);
      // Parameters run up to the next link (a ',' followed by '<') or the end.
      auto next_open = header.find('<', close);
      std::string params = lower(header.substr(
          close + 1, next_open == std::string::npos ? std::string::npos : next_open - close - 1));
      if (rel_has_next(params)) {
        return target;
      }
      pos = close + 1;
    }
  }
  return std::nullopt;
}

std::optional<std::string> unreadable_next_link(const std::vector<std::string>& link_headers) {
  if (next_link(link_headers)) return std::nullopt;
  for (const auto& header : link_headers) {
    if (lower(header).find("next") != std::string::npos) return header;
  }
  return std::nullopt;
}

BaseUrl::BaseUrl(const std::string& url) {
  auto parts = parse_url(url);
  // The message shows the URL through redact(): a careless configuration may embed a token in it.
  if (!parts) {
    throw std::invalid_argument("invalid Webex API base URL: " + redact(url));
  }
  if (parts->scheme != "https" && parts->scheme != "http") {
    throw std::invalid_argument("Webex API base URL must use https: " + redact(url));
  }
  if (parts->scheme == "http" && !is_loopback_host(parts->host)) {
    throw std::invalid_argument(
        "Webex API base URL must use https; plain http is allowed only to a loopback host "
        "(127.0.0.0/8, localhost, [::1]): " +
        redact(url));
  }
  if (!parts->query.empty()) {
    throw std::invalid_argument("Webex API base URL must not contain a query: " + redact(url));
  }
  m_parts = *parts;
  std::string path = m_parts.path;
  while (!path.empty() && path.back() == '/') {
    path.pop_back();
  }
  m_parts.path = path;
  m_prefix = m_parts.scheme + "://" + m_parts.host + ":" + m_parts.port + path;
}

std::string BaseUrl::url_for(const std::string& path, const QueryParams& query) const {
  std::string url = m_prefix;
  if (path.empty() || path.front() != '/') {
    url.push_back('/');
  }
  url += path;
  if (!query.empty()) {
    url += "?" + encode_query(query);
  }
  return url;
}

std::string BaseUrl::origin() const {
  return m_parts.scheme + "://" + m_parts.host + ":" + m_parts.port;
}

bool BaseUrl::same_origin(const std::string& url) const {
  auto parts = parse_url(url);
  return parts && parts->scheme == m_parts.scheme && parts->host == m_parts.host &&
         parts->port == m_parts.port;
}

std::string BaseUrl::display(const std::string& url, bool with_query) const {
  auto parts = parse_url(url);
  if (!parts) {
    return "?";
  }
  std::string path = parts->path;
  if (!m_parts.path.empty() && path.rfind(m_parts.path, 0) == 0 &&
      (path.size() == m_parts.path.size() || path[m_parts.path.size()] == '/')) {
    path = path.substr(m_parts.path.size());
  }
  if (path.empty()) {
    path = "/";
  }
  if (with_query && !parts->query.empty()) {
    path += "?" + parts->query;
  }
  return path;
}

}  // namespace wx::webex_detail
