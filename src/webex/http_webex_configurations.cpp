#include "configurations_json.h"
#include "http_webex_api.h"
#include "response_check.h"

namespace wx::webex_detail {

namespace {

constexpr const char* kConfigurations = "/deviceConfigurations";

}  // namespace

DeviceConfigurations HttpWebexApi::get_device_configurations(const std::string& device_id,
                                                             const std::vector<std::string>& keys) {
  // One GET per key filter (the API takes one `key`); a filter may be a wildcard or a range. The query
  // encoder percent-encodes '[' and ']' as %5B/%5D, which the API requires.
  std::vector<QueryParams> queries;
  if (keys.empty()) {
    queries.push_back({{"deviceId", device_id}});
  }
  for (const auto& key : keys) {
    queries.push_back({{"deviceId", device_id}, {"key", key}});
  }
  DeviceConfigurations out;
  for (const auto& query : queries) {
    HttpCall call{"GET", kConfigurations, query, std::nullopt, Idempotency::Idempotent};
    call.with_org = false;  // not a parameter of this operation: deviceId names the org
    auto response = m_client.send(call);
    expect_object(response.body, response.status, "GET", kConfigurations, "a {deviceId, items} object");
    for (auto& [key, value] : device_configurations_from_json(response.body)) {
      out.insert_or_assign(key, std::move(value));
    }
  }
  return out;
}

void HttpWebexApi::patch_device_configurations(const std::string& device_id,
                                               const std::vector<ConfigurationPatch>& patch) {
  if (patch.empty()) {
    return;
  }
  // Setting a value twice leaves the same state: safe to repeat. The spec answers 201, live also 200;
  // the client accepts any 2xx.
  HttpCall call{"PATCH",
                kConfigurations,
                {{"deviceId", device_id}},
                configuration_patch_json(patch),
                Idempotency::Idempotent,
                kJsonPatchContentType};
  call.with_org = false;
  m_client.send(call);
}

}  // namespace wx::webex_detail
