// libFuzzer target: one input = one HTTP response body (and, line by line, header values). Every
// response reader the client uses runs on it the way src/webex/http_webex_*.cpp calls it, so a single
// corpus entry (say a layout) also probes the other readers with unexpected shapes.
//
// Allowed outcome besides success: wx::ApiError, the client's documented "malformed response" error.
// Anything else (another exception, a crash, a leak, UB) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "webex/body_json.h"
#include "webex/configurations_json.h"
#include "webex/dynamic_settings_json.h"
#include "webex/error_body.h"
#include "webex/job_json.h"
#include "webex/layout_json.h"
#include "webex/live_json.h"
#include "webex/members_json.h"
#include "webex/response_check.h"
#include "webex/retry_policy.h"
#include "webex/settings_json.h"
#include "webex/url.h"
#include "wxphones/model/device_model.h"
#include "wxphones/model/dynamic_settings.h"
#include "wxphones/webex/api_error.h"

namespace {

using nlohmann::json;
using namespace wx;
using namespace wx::webex_detail;

// The items of one list page, as WebexClient::list picks them: body[key] when it is an array, and for
// "items" the first array-valued member.
std::vector<json> page_items(const json& body, const std::string& key) {
  if (!body.is_object()) {
    return {};
  }
  auto it = body.find(key);
  if (it != body.end() && it->is_array()) {
    return std::vector<json>(it->begin(), it->end());
  }
  if (key == "items") {
    for (const auto& [name, value] : body.items()) {
      if (value.is_array()) {
        return std::vector<json>(value.begin(), value.end());
      }
    }
  }
  return {};
}

// Runs one reader; ApiError is its documented refusal of a malformed body.
template <typename F>
void guarded(F&& read) {
  try {
    read();
  } catch (const ApiError&) {
  }
}

void read_devices(const json& body) {
  guarded([&] {
    if (body.is_object()) {
      auto d = live_device_from_json(body);  // GET /devices/{id}
      (void)d.online();
      (void)d.activating();
    }
  });
  for (const auto& item : page_items(body, "items")) {
    (void)live_device_from_json(item);
  }
  for (const auto& item : page_items(body, "devices")) {  // telephony owner listings
    (void)owner_device_from_json(item);
  }
  for (const auto& item : page_items(body, "macStatus")) {
    (void)mac_status_from_json(item);
  }
}

void read_directory(const json& body) {
  for (const auto& item : page_items(body, "items")) {  // people, workspaces, locations
    for (const auto& email : strings_of(item, "emails")) {
      (void)lower(email);
    }
    (void)string_of(item, "displayName");
    (void)workspace_from_json(item);
    (void)location_from_json(item);
  }
  if (body.is_object()) {
    ModelCatalog catalog = ModelCatalog::from_supported_devices(body);
    for (const auto& model : catalog.models()) {
      (void)catalog.find(model.display_name);
      (void)model.phone_os();
      (void)model.supports_owner("PEOPLE");
    }
  }
}

void read_layouts(const json& body) {
  (void)layout_from_json(body);
  for (const auto& item : page_items(body, "lineKeyTemplates")) {
    (void)template_from_json(item, false);
  }
  guarded([&] {
    if (!body.is_object()) {
      throw ApiError(200, "GET", "/lineKeyTemplates/x", "the response carries no line key template");
    }
    (void)template_from_json(body, true);
  });
  guarded([&] {
    if (!int_of(body, "deviceCount")) {
      throw ApiError(200, "POST", "/previewApplyLineKeyTemplate", "the response carries no deviceCount");
    }
  });
}

void read_jobs(const json& body) {
  (void)device_job_from_json(body).finished();  // POST of a job
  for (const auto& item : page_items(body, "items")) {
    (void)device_job_from_json(item).finished();
    (void)job_error_from_json(item, 0);
  }
  (void)job_errors_from_json(body);
}

void read_members(const json& body) {
  guarded([&] {
    expect_object(body, 200, "GET", "/members", "a {model, maxLineCount, members} object");
    (void)device_members_from_json(body);
  });
  for (const auto& item : page_items(body, "members")) {  // availableMembers
    (void)available_member_from_json(item);
  }
}

void read_settings(const json& body) {
  guarded([&] {
    expect_object(body, 200, "GET", "/settings", "a device settings object");
    (void)scope_customizations_from_json(body);
  });
  guarded([&] {
    expect_object(body, 200, "GET", "/devices/settings", "a {compression} object");
    (void)owner_device_settings_from_json(body);
  });
  (void)hoteling_from_json(body);
  guarded([&] {
    expect_object(body, 200, "GET", "/validationSchema", "a {tags:[...]} validation schema");
    auto schema = DynamicSettingsSchema::from_json(body);
    for (const auto& rule : schema.rules()) {
      (void)schema.find(rule.family, rule.tag);
      (void)rule.allowed_at(SettingLevel::Device);
      // The schema read live checks the manifests' values: its numbers and regex come from the server.
      for (const char* value : {"1", "-7.5", "abc"}) {
        (void)rule.check(value);
      }
    }
  });
  guarded([&] {
    expect_object(body, 200, "POST", "/getSettings", "a {tags:[...]} settings object");
    (void)dynamic_settings_from_json(body);
  });
  guarded([&] {
    expect_object(body, 200, "GET", "/deviceConfigurations", "a {deviceId, items} object");
    (void)device_configurations_from_json(body);
  });
}

// Header values: the input's lines, as Link headers (pagination) and as Retry-After.
void read_headers(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size() && lines.size() < 16) {
    std::size_t end = text.find('\n', start);
    lines.emplace_back(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  if (auto next = next_link(lines)) {
    static const BaseUrl base("https://webexapis.com/v1");
    std::string target = *next;
    if (!target.empty() && target.front() == '/') {
      target = base.origin() + target;
    }
    if (base.same_origin(target)) {
      (void)base.display(target, true);
    } else if (auto parts = parse_url(target)) {
      (void)is_loopback_host(parts->host);
    }
  }
  static const ClientConfig config;
  RetryPolicy policy(config);
  (void)policy.retry_after(lines.front());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const json body = parse_body_json(text);
  read_devices(body);
  read_directory(body);
  read_layouts(body);
  read_jobs(body);
  read_members(body);
  read_settings(body);
  // Non-2xx: any body (JSON of any shape, HTML, nothing) becomes an ApiError, never an exception.
  int status = size > 0 ? 400 + data[0] % 200 : 500;
  ApiError error = error_from_response(status, "GET", "/devices", text, "tracking-id");
  (void)error.what();
  read_headers(text);
  return 0;
}
