#include "wxphones/webex/webex_client.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

#include "body_json.h"
#include "curl_transport.h"
#include "error_body.h"
#include "retry_policy.h"
#include "token_source.h"
#include "url.h"
#include "wxphones/util/secrets.h"

namespace wx {

using webex_detail::BaseUrl;
using webex_detail::CurlTransport;
using webex_detail::HttpRequest;
using webex_detail::HttpResponse;
using webex_detail::RetryPolicy;
using webex_detail::TokenRejected;
using webex_detail::TokenSource;
using webex_detail::TransportError;

namespace {

constexpr const char* kUserAgent = "wxphones/0.1";
constexpr int kMaxPages = 100000;  // a server that links pages in a circle must not hold us forever

// TrackingID: WXPHONES_<uuid4>, so Cisco support can find our requests in their logs.
std::string tracking_id() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uniform_int_distribution<unsigned> nibble(0, 15);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "WXPHONES_";
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) {
      id.push_back('-');
    }
    unsigned v = nibble(engine);
    if (i == 12) {
      v = 4;  // version
    } else if (i == 16) {
      v = 8 | (v & 3);  // variant
    }
    id.push_back(kHex[v]);
  }
  return id;
}

nlohmann::json parse_body(const std::string& text) {
  return webex_detail::parse_body_json(text);
}

// What a body that should be JSON but is not looked like: its size and start, never all of it.
std::string malformed_json(const std::string& text) {
  std::string start = text.substr(0, 60);
  for (char& c : start) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  const bool deep = webex_detail::json_nesting_depth(text) > webex_detail::kMaxJsonDepth;
  return std::string("malformed response: the body is ") +
         (deep ? "nested deeper than " + std::to_string(webex_detail::kMaxJsonDepth) + " levels"
               : std::string("not valid JSON")) +
         " (" + std::to_string(text.size()) + " bytes, starting '" + redact(start) + "')";
}

std::string strip_query(const std::string& path) {
  return path.substr(0, path.find('?'));
}

}  // namespace

struct WebexClient::Impl {
  ClientConfig config;
  BaseUrl base;
  RetryPolicy retry{config};
  CurlTransport transport;
  TokenSource tokens;

  explicit Impl(const ClientConfig& c)
      : config(c),
        base(c.base_url),
        transport(c.max_in_flight, std::chrono::milliseconds(c.timeout)),
        tokens(c, transport, c.token_url.empty() ? base.url_for("/access_token", {}) : c.token_url) {}

  QueryParams with_org(QueryParams query) const {
    if (!config.org_id.empty()) {
      query.emplace_back("orgId", config.org_id);
    }
    return query;
  }

  // One call, with retries; returns a 2xx response or throws ApiError.
  HttpResponse execute(const std::string& method, const std::string& url,
                       const std::optional<std::string>& body, const std::string& content_type,
                       Idempotency idempotency) {
    const std::string shown = redact(base.display(url, true));
    const std::string path = strip_query(shown);
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body;
    const std::vector<std::string> headers = {
        "Accept: application/json", std::string("User-Agent: ") + kUserAgent, "TrackingID: " + tracking_id(),
        "Content-Type: " + (content_type.empty() ? std::string("application/json") : content_type)};

    int failures = 0;
    int throttled = 0;
    bool renewed = false;
    TokenSource::Token token;
    try {
      token = tokens.current();
    } catch (const TokenRejected& e) {
      throw ApiError(401, method, path, e.what());
    }
    while (true) {
      request.headers = headers;
      request.headers.push_back("Authorization: Bearer " + token.value);
      auto started = std::chrono::steady_clock::now();
      auto elapsed_ms = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                     started)
            .count();
      };
      HttpResponse response;
      try {
        response = transport.perform(request);
      } catch (const webex_detail::ResponseTooLarge& e) {
        throw ApiError(0, method, path, std::string("malformed response: ") + e.what());
      } catch (const TransportError& e) {
        std::string reason = redact(e.what());
        spdlog::debug("{} {} -> failed in {} ms: {}", method, shown, elapsed_ms(), reason);
        if (idempotency == Idempotency::Idempotent && retry.may_retry_failure(failures)) {
          auto wait = retry.backoff(failures++);
          spdlog::debug("{} {}: retry {} of {} in {} ms", method, path, failures, config.max_retries,
                        wait.count());
          std::this_thread::sleep_for(wait);
          continue;
        }
        throw ApiError(0, method, path, "connection failed: " + reason);
      }
      const int status = static_cast<int>(response.status);
      spdlog::debug("{} {} -> {} in {} ms", method, shown, status, elapsed_ms());
      if (status >= 200 && status < 300) {
        return response;
      }
      if (status == 401 && !renewed) {
        // Expired or revoked: a 401 means Webex did nothing, so even a create may be sent again.
        try {
          token = tokens.renew(token);
        } catch (const TokenRejected& e) {
          // Our advice first, then what Webex said.
          auto said = webex_detail::error_from_response(status, method, path, response.body,
                                                        response.header("trackingid").value_or(""));
          const std::string advice = e.what();
          throw ApiError(401, method, path,
                         said.message().empty() ? advice : advice + ". Webex said: " + said.message(),
                         said.details(), said.tracking_id());
        }
        renewed = true;
        continue;
      }
      if (status == 401) {
        throw ApiError(401, method, path, "Webex rejected the refreshed access token too", {},
                       response.header("trackingid").value_or(""));
      }
      auto retry_after = response.header("retry-after");
      bool throttle = status == 429 || (status == 423 && retry_after.has_value());
      if (throttle && retry.may_retry_throttled(throttled)) {
        auto wait = retry.retry_after(retry_after);
        ++throttled;
        spdlog::info("{} {} -> {}; waiting {} ms as asked (Retry-After), retry {} of {}", method, path,
                     status, wait.count(), throttled, config.max_429_retries);
        std::this_thread::sleep_for(wait);
        continue;
      }
      if (status >= 500 && idempotency == Idempotency::Idempotent && retry.may_retry_failure(failures)) {
        auto wait = retry.backoff(failures++);
        spdlog::debug("{} {}: retry {} of {} in {} ms", method, path, failures, config.max_retries,
                      wait.count());
        std::this_thread::sleep_for(wait);
        continue;
      }
      throw webex_detail::error_from_response(status, method, path, response.body,
                                              response.header("trackingid").value_or(""));
    }
  }
};

WebexClient::WebexClient(const ClientConfig& config) {
  if (config.access_token.empty() && !config.refresh) {
    throw std::invalid_argument("no Webex access token configured");
  }
  m_impl = std::make_unique<Impl>(config);
}

WebexClient::~WebexClient() = default;

const ClientConfig& WebexClient::config() const {
  return m_impl->config;
}

JsonResponse WebexClient::send(const HttpCall& call) {
  if (call.path.find('?') != std::string::npos) {
    throw std::invalid_argument("path must not contain a query; pass it as QueryParams: " + call.path);
  }
  std::string url =
      m_impl->base.url_for(call.path, call.with_org ? m_impl->with_org(call.query) : call.query);
  std::optional<std::string> body;
  if (call.body) {
    body = call.body->dump();
  }
  auto response = m_impl->execute(call.method, url, body, call.content_type, call.idempotency);
  JsonResponse out;
  out.status = static_cast<int>(response.status);
  out.body = parse_body(response.body);
  out.text = std::move(response.body);
  return out;
}

nlohmann::json WebexClient::get(const std::string& path, const QueryParams& query) {
  auto response = send({"GET", path, query, std::nullopt, Idempotency::Idempotent});
  if (response.body.is_null() && !response.text.empty()) {
    throw ApiError(response.status, "GET", path, malformed_json(response.text));
  }
  return std::move(response.body);
}

std::vector<nlohmann::json> WebexClient::list(const std::string& path, const QueryParams& query,
                                              const std::string& items_key) {
  nlohmann::json ignored;
  return list_pages(path, query, items_key, ignored, true);
}

std::vector<nlohmann::json> WebexClient::list(const std::string& path, const QueryParams& query,
                                              const std::string& items_key, nlohmann::json& first_page) {
  return list_pages(path, query, items_key, first_page, false);
}

std::vector<nlohmann::json> WebexClient::list_pages(const std::string& path, const QueryParams& query,
                                                    const std::string& items_key, nlohmann::json& first_page,
                                                    bool strict) {
  if (path.find('?') != std::string::npos) {
    throw std::invalid_argument("path must not contain a query; pass it as QueryParams: " + path);
  }
  std::vector<nlohmann::json> items;
  std::string url = m_impl->base.url_for(path, m_impl->with_org(query));
  std::set<std::string> seen;
  for (int page = 0; page < kMaxPages; ++page) {
    seen.insert(url);
    auto response = m_impl->execute("GET", url, std::nullopt, "", Idempotency::Idempotent);
    const int status = static_cast<int>(response.status);
    auto body = parse_body(response.body);
    // A page we cannot read must stop the listing: taking it for the end would make the planner create
    // again what already exists.
    if (body.is_null() && !response.body.empty()) {
      throw ApiError(status, "GET", path, malformed_json(response.body));
    }
    if (!body.is_object()) {
      throw ApiError(status, "GET", path,
                     std::string("malformed response: expected a JSON object with a '") + items_key +
                         "' list, got " + (body.is_null() ? "an empty body" : "another JSON value"));
    }
    if (page == 0) {
      first_page = body;
    }
    const nlohmann::json* array = nullptr;
    if (body.is_object()) {
      auto it = body.find(items_key);
      if (it != body.end() && it->is_array()) {
        array = &*it;
      } else if (items_key == "items") {
        for (const auto& [key, value] : body.items()) {
          if (value.is_array()) {
            array = &value;
            break;
          }
        }
      }
    }
    if (array == nullptr && strict) {
      throw ApiError(status, "GET", path,
                     std::string("malformed response: the body has no '") + items_key + "' list");
    }
    if (array == nullptr || array->empty()) {
      break;
    }
    if (strict) {
      for (std::size_t i = 0; i < array->size(); ++i) {
        if (!(*array)[i].is_object()) {
          throw ApiError(
              status, "GET", path,
              "malformed response: item " + std::to_string(i) + " of '" + items_key + "' is not an object");
        }
      }
    }
    items.insert(items.end(), array->begin(), array->end());

    const auto links = response.headers_named("link");
    if (auto unreadable = webex_detail::unreadable_next_link(links)) {
      throw ApiError(status, "GET", path,
                     "malformed response: a Link header names a next page but cannot be read: '" +
                         redact(unreadable->substr(0, 200)) + "'");
    }
    auto next = webex_detail::next_link(links);
    if (!next || next->empty()) {
      break;
    }
    if (next->front() == '/') {
      *next = m_impl->base.origin() + *next;
    }
    if (!m_impl->base.same_origin(*next)) {
      // Following it would send the access token to another host.
      auto parts = webex_detail::parse_url(*next);
      throw ApiError(
          0, "GET", path,
          "refusing to follow a pagination link to another origin (" +
              (parts ? parts->scheme + "://" + parts->host + ":" + parts->port : std::string("unparsable")) +
              ")");
    }
    if (seen.count(*next) != 0) {
      spdlog::warn("GET {}: pagination link points back to a page already read; stopping", path);
      break;
    }
    url = *next;
  }
  return items;
}

JsonResponse WebexClient::post(const std::string& path, const nlohmann::json& body, Idempotency idempotency,
                               const QueryParams& query) {
  return send({"POST", path, query, body, idempotency});
}

JsonResponse WebexClient::put(const std::string& path, const nlohmann::json& body, const QueryParams& query) {
  return send({"PUT", path, query, body, Idempotency::Idempotent});
}

JsonResponse WebexClient::patch(const std::string& path, const nlohmann::json& body, Idempotency idempotency,
                                const std::string& content_type) {
  return send({"PATCH", path, {}, body, idempotency, content_type});
}

JsonResponse WebexClient::del(const std::string& path, const QueryParams& query) {
  return send({"DELETE", path, query, std::nullopt, Idempotency::Idempotent});
}

std::string path_segment(std::string_view text) {
  return webex_detail::percent_encode(text);
}

}  // namespace wx
