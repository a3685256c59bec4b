#include "dynamic_settings_json.h"
#include "http_webex_api.h"
#include "response_check.h"

namespace wx::webex_detail {

namespace {

constexpr const char* kSchema = "/telephony/config/devices/dynamicSettings/validationSchema";
constexpr const char* kOrgGetSettings =
    "/telephony/config/lists/devices/dynamicSettings/actions/getSettings/invoke";

void require_family(const std::string& family, const char* what) {
  if (family.empty()) {
    // familyOrModelDisplayName is a required query parameter of the org and location reads.
    throw std::invalid_argument(std::string(what) + ": a family (familyOrModelDisplayName) is required");
  }
}

}  // namespace

DynamicSettingsSchema HttpWebexApi::get_dynamic_settings_schema(const std::string& family) {
  QueryParams query;
  if (!family.empty()) {
    query.emplace_back("familyOrModelDisplayName", family);
  }
  auto response = m_client.send({"GET", kSchema, query, std::nullopt, Idempotency::Idempotent});
  expect_object(response.body, response.status, "GET", kSchema, "a {tags:[...]} validation schema");
  return DynamicSettingsSchema::from_json(response.body);
}

std::vector<DynamicSetting> HttpWebexApi::post_get_settings(const std::string& path, const QueryParams& query,
                                                            const std::vector<std::string>& tags) {
  // A read despite the POST: safe to repeat when the outcome is unknown.
  auto response = m_client.post(path, get_settings_body(tags), Idempotency::Idempotent, query);
  expect_object(response.body, response.status, "POST", path, "a {tags:[...]} settings object");
  return dynamic_settings_from_json(response.body);
}

std::vector<DynamicSetting> HttpWebexApi::get_org_dynamic_settings(const std::string& family,
                                                                   const std::vector<std::string>& tags) {
  require_family(family, "get_org_dynamic_settings");
  return post_get_settings(kOrgGetSettings, {{"familyOrModelDisplayName", family}}, tags);
}

std::vector<DynamicSetting> HttpWebexApi::get_location_dynamic_settings(
    const std::string& location_id, const std::string& family, const std::vector<std::string>& tags) {
  require_family(family, "get_location_dynamic_settings");
  return post_get_settings("/telephony/config/lists/locations/" + path_segment(location_id) +
                               "/devices/dynamicSettings/actions/getSettings/invoke",
                           {{"familyOrModelDisplayName", family}}, tags);
}

std::vector<DynamicSetting> HttpWebexApi::get_device_dynamic_settings(const std::string& device_id,
                                                                      const std::vector<std::string>& tags) {
  return post_get_settings("/telephony/config/lists/devices/" + path_segment(device_id) +
                               "/dynamicSettings/actions/getSettings/invoke",
                           {}, tags);
}

void HttpWebexApi::put_device_dynamic_settings(const std::string& device_id,
                                               const std::vector<DynamicSettingChange>& changes) {
  if (changes.empty()) {
    return;  // an empty tags list is a no-op at Webex too; spare the call
  }
  m_client.put("/telephony/config/devices/" + path_segment(device_id) + "/dynamicSettings",
               device_dynamic_settings_put_json(changes));
}

}  // namespace wx::webex_detail
