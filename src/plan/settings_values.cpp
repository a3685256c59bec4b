#include "wxphones/plan/settings_values.h"

#include <cctype>

namespace wx {

nlohmann::json member_json(const DeviceMember& m) {
  nlohmann::json j = {{"id", m.id},
                      {"port", m.port},
                      {"lineType", m.line_type},
                      {"primaryOwner", m.primary_owner},
                      {"lineWeight", m.line_weight},
                      {"hotlineEnabled", m.hotline_enabled},
                      {"allowCallDeclineEnabled", m.allow_call_decline_enabled}};
  const std::string name =
      m.first_name + (m.first_name.empty() || m.last_name.empty() ? "" : " ") + m.last_name;
  if (!name.empty()) j["name"] = name;
  if (!m.member_type.empty()) j["memberType"] = m.member_type;
  if (m.hotline_enabled) j["hotlineDestination"] = m.hotline_destination;
  if (m.line_label) j["lineLabel"] = *m.line_label;
  return j;
}

nlohmann::json members_json(const std::vector<DeviceMember>& members) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : members) out.push_back(member_json(m));
  return out;
}

nlohmann::json dynamic_json(const std::vector<DynamicSettingChange>& changes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : changes) {
    nlohmann::json j = {{"tag", c.tag}, {"action", c.value ? "SET" : "CLEAR"}};
    if (!c.family.empty()) j["familyOrModelDisplayName"] = c.family;
    if (c.value) j["value"] = c.secret ? std::string(kSecretText) : *c.value;
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json hoteling_json(const Hoteling& h) {
  nlohmann::json j = nlohmann::json::object();
  if (h.enabled) j["enabled"] = *h.enabled;
  if (h.limit_guest_use) j["limitGuestUse"] = *h.limit_guest_use;
  if (h.guest_hours_limit) j["guestHoursLimit"] = *h.guest_hours_limit;
  return j;
}

namespace {

bool names_a_secret(std::string key) {
  for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key.find("password") != std::string::npos && key.find("enabled") == std::string::npos;
}

}  // namespace

nlohmann::json redact_secrets(nlohmann::json value) {
  if (value.is_array()) {
    for (auto& item : value) item = redact_secrets(std::move(item));
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (names_a_secret(it.key()) && (it->is_string() || it->is_number())) {
        *it = kSecretText;
      } else {
        *it = redact_secrets(std::move(*it));
      }
    }
  }
  return value;
}

}  // namespace wx
