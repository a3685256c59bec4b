#include "http_webex_api.h"
#include "response_check.h"
#include "settings_json.h"

namespace wx::webex_detail {

namespace {

constexpr const char* kOrgSettings = "/telephony/config/devices/settings";

std::string device_settings_path(const std::string& device_id) {
  return "/telephony/config/devices/" + path_segment(device_id) + "/settings";
}

std::string person_path(const std::string& person_id) {
  return "/telephony/config/people/" + path_segment(person_id);
}

std::string workspace_path(const std::string& workspace_id) {
  return "/telephony/config/workspaces/" + path_segment(workspace_id);
}

ScopeCustomizations read_customizations(WebexClient& client, const std::string& path,
                                        const QueryParams& query) {
  auto response = client.send({"GET", path, query, std::nullopt, Idempotency::Idempotent});
  expect_object(response.body, response.status, "GET", path, "a device settings object");
  return scope_customizations_from_json(response.body);
}

OwnerDeviceSettings read_owner_settings(WebexClient& client, const std::string& path) {
  auto response = client.send({"GET", path, {}, std::nullopt, Idempotency::Idempotent});
  expect_object(response.body, response.status, "GET", path, "a {compression} object");
  return owner_device_settings_from_json(response.body);
}

}  // namespace

ScopeCustomizations HttpWebexApi::get_device_customizations(const std::string& device_id,
                                                            const std::string& model) {
  QueryParams query;
  if (!model.empty()) {  // optional in the spec; an empty value would only confuse the server
    query.emplace_back("deviceModel", model);
  }
  return read_customizations(m_client, device_settings_path(device_id), query);
}

void HttpWebexApi::put_device_customizations(const std::string& device_id, const std::string& model,
                                             const ScopeCustomizations& body) {
  // The schema names the parameter deviceModel, wxc_sdk sends model: send both (WEBEX_API.md section 12).
  QueryParams query;
  if (!model.empty()) {
    query = {{"deviceModel", model}, {"model", model}};
  }
  m_client.put(device_settings_path(device_id), device_customizations_put_json(body), query);
}

ScopeCustomizations HttpWebexApi::get_location_customizations(const std::string& location_id) {
  return read_customizations(
      m_client, "/telephony/config/locations/" + path_segment(location_id) + "/devices/settings", {});
}

ScopeCustomizations HttpWebexApi::get_org_customizations() {
  return read_customizations(m_client, kOrgSettings, {});
}

OwnerDeviceSettings HttpWebexApi::get_person_device_settings(const std::string& person_id) {
  return read_owner_settings(m_client, person_path(person_id) + "/devices/settings");
}

void HttpWebexApi::put_person_device_settings(const std::string& person_id, const OwnerDeviceSettings& body) {
  m_client.put(person_path(person_id) + "/devices/settings", owner_device_settings_json(body));
}

OwnerDeviceSettings HttpWebexApi::get_workspace_device_settings(const std::string& workspace_id) {
  return read_owner_settings(m_client, workspace_path(workspace_id) + "/devices/settings");
}

void HttpWebexApi::put_workspace_device_settings(const std::string& workspace_id,
                                                 const OwnerDeviceSettings& body) {
  m_client.put(workspace_path(workspace_id) + "/devices/settings", owner_device_settings_json(body));
}

void HttpWebexApi::put_person_hoteling(const std::string& person_id, const Hoteling& hoteling) {
  m_client.put(person_path(person_id) + "/devices/settings/hoteling",
               {{"hoteling", hoteling_json(hoteling)}});
}

void HttpWebexApi::put_workspace_hoteling(const std::string& workspace_id, const Hoteling& hoteling) {
  // Flat, unlike the person body; the path is the workspace's device list itself.
  m_client.put(workspace_path(workspace_id) + "/devices", hoteling_json(hoteling));
}

}  // namespace wx::webex_detail
