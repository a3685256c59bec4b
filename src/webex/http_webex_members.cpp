#include "http_webex_api.h"
#include "members_json.h"
#include "response_check.h"
#include "wxphones/webex/page_sizes.h"

namespace wx::webex_detail {

namespace {

std::string device_path(const std::string& device_id) {
  return "/telephony/config/devices/" + path_segment(device_id);
}

}  // namespace

DeviceMembers HttpWebexApi::get_device_members(const std::string& device_id) {
  const std::string path = device_path(device_id) + "/members";
  auto response = m_client.send({"GET", path, {}, std::nullopt, Idempotency::Idempotent});
  expect_object(response.body, response.status, "GET", path, "a {model, maxLineCount, members} object");
  return device_members_from_json(response.body);
}

void HttpWebexApi::put_device_members(const std::string& device_id,
                                      const std::vector<DeviceMember>& members) {
  // A full replacement; repeating it leaves the same list.
  m_client.put(device_path(device_id) + "/members", device_members_put_json(members));
}

std::vector<AvailableMember> HttpWebexApi::search_available_members(const std::string& device_id,
                                                                    const std::string& name) {
  QueryParams query{{"usageType", "SHARED_LINE"}};
  if (!name.empty()) {
    query.emplace_back("memberName", name);
  }
  query.emplace_back("max", std::to_string(page_size::kAvailableMembers));
  std::vector<AvailableMember> out;
  for (const auto& item : m_client.list(device_path(device_id) + "/availableMembers", query, "members")) {
    auto member = available_member_from_json(item);
    if (!member.id.empty()) {
      out.push_back(std::move(member));
    }
  }
  return out;
}

void HttpWebexApi::apply_changes(const std::string& device_id) {
  // No body, 204. Only asks the phone to fetch its configuration again: safe to repeat.
  HttpCall call{"POST",
                device_path(device_id) + "/actions/applyChanges/invoke",
                {},
                std::nullopt,
                Idempotency::Idempotent};
  m_client.send(call);
}

}  // namespace wx::webex_detail
