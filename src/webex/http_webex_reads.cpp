#include <future>
#include <set>

#include "http_webex_api.h"
#include "live_json.h"
#include "response_check.h"
#include "wxphones/webex/page_sizes.h"

namespace wx::webex_detail {

namespace {

// Above this many IDs, one paged list is cheaper than one GET per phone.
constexpr std::size_t kMaxSingleGets = 10;

// Webex IDs come with and without base64 padding; compare without it.
std::string unpadded(std::string id) {
  while (!id.empty() && id.back() == '=') {
    id.pop_back();
  }
  return id;
}

std::vector<OwnerDevice> owner_devices(WebexClient& client, const std::string& path) {
  std::vector<OwnerDevice> out;
  auto body = client.get(path);
  expect_object(body, 200, "GET", path, "a {devices: [...]} object");
  auto it = body.find("devices");
  if (it == body.end()) {
    return out;  // a person or workspace without phones may come without the list
  }
  if (!it->is_array()) {
    throw ApiError(200, "GET", path, "malformed response: 'devices' is not a list");
  }
  for (const auto& d : *it) {
    out.push_back(owner_device_from_json(d));
  }
  return out;
}

}  // namespace

std::vector<LiveDevice> HttpWebexApi::list_devices(const DeviceQuery& query) {
  QueryParams params;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) {
      params.emplace_back(name, value);
    }
  };
  add("personId", query.person_id);
  add("workspaceId", query.workspace_id);
  add("locationId", query.location_id);
  add("mac", query.mac);
  add("tag", query.tag);
  add("type", query.type);
  params.emplace_back("max", std::to_string(page_size::kDevices));
  std::vector<LiveDevice> out;
  for (const auto& item : m_client.list("/devices", params)) {
    out.push_back(live_device_from_json(item));
  }
  return out;
}

std::optional<LiveDevice> HttpWebexApi::get_device(const std::string& id) {
  try {
    auto body = m_client.get("/devices/" + path_segment(id));
    expect_object(body, 200, "GET", "/devices/{deviceId}", "a device object");
    return live_device_from_json(body);
  } catch (const ApiError& e) {
    if (e.status() == 404) {
      return std::nullopt;
    }
    throw;
  }
}

std::vector<LiveDevice> HttpWebexApi::get_devices_by_ids(const std::vector<std::string>& ids) {
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    if (!id.empty() && seen.insert(unpadded(id)).second) {
      unique.push_back(id);
    }
  }
  std::vector<LiveDevice> out;
  if (unique.empty()) {
    return out;
  }
  if (unique.size() <= kMaxSingleGets) {
    // The transport bounds how many of these are on the wire at once.
    std::vector<std::future<std::optional<LiveDevice>>> pending;
    for (const auto& id : unique) {
      pending.push_back(std::async(std::launch::async, [this, id] { return get_device(id); }));
    }
    for (auto& f : pending) {
      if (auto device = f.get()) {
        out.push_back(std::move(*device));
      }
    }
    return out;
  }
  DeviceQuery query;
  query.type = "phone";
  for (auto& device : list_devices(query)) {
    bool wanted =
        seen.count(unpadded(device.id)) != 0 ||
        (!device.calling_device_id.empty() && seen.count(unpadded(device.calling_device_id)) != 0) ||
        (!device.webex_device_id.empty() && seen.count(unpadded(device.webex_device_id)) != 0);
    if (wanted) {
      out.push_back(std::move(device));
    }
  }
  return out;
}

std::vector<OwnerDevice> HttpWebexApi::list_person_devices(const std::string& person_id) {
  return owner_devices(m_client, "/telephony/config/people/" + path_segment(person_id) + "/devices");
}

std::vector<OwnerDevice> HttpWebexApi::list_workspace_devices(const std::string& workspace_id) {
  return owner_devices(m_client, "/telephony/config/workspaces/" + path_segment(workspace_id) + "/devices");
}

std::optional<Person> HttpWebexApi::find_person_by_email(const std::string& email) {
  const std::string wanted = lower(email);
  for (const auto& item :
       m_client.list("/people", {{"email", email}, {"max", std::to_string(page_size::kPeople)}})) {
    for (const auto& candidate : strings_of(item, "emails")) {
      if (lower(candidate) == wanted) {
        return Person{string_of(item, "id"), candidate, string_of(item, "displayName"),
                      string_of(item, "locationId")};
      }
    }
  }
  return std::nullopt;
}

std::vector<Workspace> HttpWebexApi::find_workspaces_by_name(const std::string& display_name) {
  std::vector<Workspace> out;
  // The server's displayName filter is not exact (it also matches other names); keep exact matches only.
  for (const auto& item : m_client.list(
           "/workspaces", {{"displayName", display_name}, {"max", std::to_string(page_size::kWorkspaces)}})) {
    if (string_of(item, "displayName") == display_name) {
      out.push_back(workspace_from_json(item));
    }
  }
  return out;
}

std::vector<Person> HttpWebexApi::list_people() {
  std::vector<Person> out;
  for (const auto& item : m_client.list("/people", {{"max", std::to_string(page_size::kPeople)}})) {
    for (const auto& email : strings_of(item, "emails")) {
      out.push_back(Person{string_of(item, "id"), email, string_of(item, "displayName"),
                           string_of(item, "locationId")});
    }
  }
  return out;
}

std::vector<Workspace> HttpWebexApi::list_workspaces() {
  std::vector<Workspace> out;
  for (const auto& item : m_client.list("/workspaces", {{"max", std::to_string(page_size::kWorkspaces)}})) {
    out.push_back(workspace_from_json(item));
  }
  return out;
}

std::vector<Location> HttpWebexApi::list_locations() {
  std::vector<Location> out;
  for (const auto& item : m_client.list("/locations", {{"max", std::to_string(page_size::kLocations)}})) {
    out.push_back(location_from_json(item));
  }
  return out;
}

ModelCatalog HttpWebexApi::supported_devices() {
  auto body = m_client.get("/telephony/config/supportedDevices");
  expect_object(body, 200, "GET", "/telephony/config/supportedDevices", "a {devices: [...]} object");
  return ModelCatalog::from_supported_devices(body);
}

}  // namespace wx::webex_detail
