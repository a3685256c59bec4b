#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/webex/api_error.h"
#include "wxphones/webex/client_config.h"

namespace wx {

// A thin, generic Webex REST client: JSON in and out, retries, pagination, errors as ApiError.
// API families (devices, telephony, jobs, ...) are built on top of it. Safe to use from many threads;
// at most ClientConfig::max_in_flight requests are on the wire at once, across all threads.
//
// Paths are relative to the base URL ("/devices", "/telephony/config/supportedDevices"). IDs inside a
// path must go through path_segment(): Webex IDs are base64 and may contain '/' and '+'.
// When ClientConfig::org_id is set, every request gets an orgId query parameter.

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Whether a call may be sent again when its outcome is unknown (5xx, connection failure).
// A 429 (and a 423 with Retry-After) is always retried: the server said it did not process the call.
enum class Idempotency { NotIdempotent, Idempotent };

struct HttpCall {
  std::string method;  // GET, POST, PUT, PATCH, DELETE
  std::string path;    // relative to the base URL, may not contain a query
  QueryParams query;
  std::optional<nlohmann::json> body;
  Idempotency idempotency = Idempotency::NotIdempotent;
  std::string content_type = "application/json";
  // Whether ClientConfig::org_id is added as orgId. A few operations do not declare it (job status of
  // callDeviceSettings/dynamicDeviceSettings, /deviceConfigurations: the id already names the org).
  bool with_org = true;
};

struct JsonResponse {
  int status = 0;
  nlohmann::json body;  // null when the body is empty or is not JSON
  std::string text;     // the body as received
};

inline constexpr const char* kJsonPatchContentType = "application/json-patch+json";

class WebexClient {
 public:
  // Throws std::invalid_argument when the base URL is not https (plain http only to a loopback host),
  // or the access token is empty.
  explicit WebexClient(const ClientConfig& config);
  ~WebexClient();
  WebexClient(const WebexClient&) = delete;
  WebexClient& operator=(const WebexClient&) = delete;

  // GET; the parsed body (null when empty). A body that is not JSON is an ApiError.
  nlohmann::json get(const std::string& path, const QueryParams& query = {});

  // GET of every page: follows Link rel="next" (same origin only) until there is none or a page is empty.
  // Items are read from items_key; for "items", a body without it yields its first array-valued member.
  // A page that is not JSON, not an object, has no such list, or a Link header naming a next page that
  // cannot be read is an ApiError ("malformed response"): a listing is never silently cut short.
  std::vector<nlohmann::json> list(const std::string& path, const QueryParams& query = {},
                                   const std::string& items_key = "items");
  // The same, also handing back the first page's body: some endpoints answer with a single object where
  // the other members of their family answer with a list (job errors), and the caller reads either; so
  // here a page without the list ends the listing instead of being an error.
  std::vector<nlohmann::json> list(const std::string& path, const QueryParams& query,
                                   const std::string& items_key, nlohmann::json& first_page);

  JsonResponse post(const std::string& path, const nlohmann::json& body, Idempotency idempotency,
                    const QueryParams& query = {});
  JsonResponse put(const std::string& path, const nlohmann::json& body, const QueryParams& query = {});
  JsonResponse patch(const std::string& path, const nlohmann::json& body, Idempotency idempotency,
                     const std::string& content_type = kJsonPatchContentType);
  JsonResponse del(const std::string& path, const QueryParams& query = {});

  // The general form behind the helpers above.
  JsonResponse send(const HttpCall& call);

  const ClientConfig& config() const;

 private:
  std::vector<nlohmann::json> list_pages(const std::string& path, const QueryParams& query,
                                         const std::string& items_key, nlohmann::json& first_page, bool strict);
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Percent-encodes one path segment (an ID) so that '/', '+' and '=' survive.
std::string path_segment(std::string_view text);

}  // namespace wx
