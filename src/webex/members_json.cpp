#include "members_json.h"

#include <algorithm>

#include "live_json.h"

namespace wx::webex_detail {

namespace {

std::string location_id_of(const nlohmann::json& object) {
  if (!object.is_object()) {
    return {};
  }
  auto it = object.find("location");
  if (it != object.end() && it->is_object()) {
    return string_of(*it, "id");
  }
  return string_of(object, "locationId");
}

}  // namespace

DeviceMember device_member_from_json(const nlohmann::json& member) {
  DeviceMember m;
  m.id = string_of(member, "id");
  m.member_type = string_of(member, "memberType");
  m.first_name = string_of(member, "firstName");
  m.last_name = string_of(member, "lastName");
  m.port = int_of(member, "port").value_or(1);
  if (auto line_type = string_of(member, "lineType"); !line_type.empty()) {
    m.line_type = line_type;
  }
  m.line_weight = int_of(member, "lineWeight").value_or(1);
  m.primary_owner = bool_of(member, "primaryOwner").value_or(false);
  m.hotline_enabled = bool_of(member, "hotlineEnabled").value_or(false);
  m.hotline_destination = string_of(member, "hotlineDestination");
  m.allow_call_decline_enabled = bool_of(member, "allowCallDeclineEnabled").value_or(true);
  if (member.is_object() && member.contains("lineLabel")) {
    m.line_label = optional_string_of(member, "lineLabel");
  }
  m.t38_fax_compression_enabled = bool_of(member, "t38FaxCompressionEnabled").value_or(false);
  m.location_id = location_id_of(member);
  return m;
}

DeviceMembers device_members_from_json(const nlohmann::json& body) {
  DeviceMembers out;
  out.model = string_of(body, "model");
  out.max_line_count = int_of(body, "maxLineCount").value_or(0);
  if (!body.is_object()) {
    return out;
  }
  auto it = body.find("members");
  if (it != body.end() && it->is_array()) {
    for (const auto& item : *it) {
      auto m = device_member_from_json(item);
      if (!m.id.empty()) {
        out.members.push_back(std::move(m));
      }
    }
  }
  std::stable_sort(out.members.begin(), out.members.end(),
                   [](const DeviceMember& a, const DeviceMember& b) { return a.port < b.port; });
  return out;
}

nlohmann::json device_members_put_json(const std::vector<DeviceMember>& members) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : members) {
    nlohmann::json item = {{"id", m.id},
                           {"port", m.port},
                           {"primaryOwner", m.primary_owner},
                           {"lineType", m.line_type},
                           {"lineWeight", m.line_weight},
                           {"hotlineEnabled", m.hotline_enabled}};
    if (m.hotline_enabled) {
      item["hotlineDestination"] = m.hotline_destination;
    }
    item["allowCallDeclineEnabled"] = m.allow_call_decline_enabled;
    if (m.line_label) {
      item["lineLabel"] = *m.line_label;
    }
    item["t38FaxCompressionEnabled"] = m.t38_fax_compression_enabled;
    list.push_back(std::move(item));
  }
  return {{"members", std::move(list)}};
}

AvailableMember available_member_from_json(const nlohmann::json& member) {
  AvailableMember m;
  m.id = string_of(member, "id");
  m.first_name = string_of(member, "firstName");
  m.last_name = string_of(member, "lastName");
  m.member_type = string_of(member, "memberType");
  m.location_id = location_id_of(member);
  return m;
}

}  // namespace wx::webex_detail
