#include "dynamic_settings_json.h"

#include "live_json.h"

namespace wx::webex_detail {

namespace {

nlohmann::json change_json(const DynamicSettingChange& change, bool with_family) {
  nlohmann::json out = nlohmann::json::object();
  if (with_family) {
    out["familyOrModelDisplayName"] = change.family;
  }
  out["tag"] = change.tag;
  if (change.value) {
    out["action"] = "SET";
    out["value"] = *change.value;
  } else {
    out["action"] = "CLEAR";
  }
  return out;
}

}  // namespace

nlohmann::json get_settings_body(const std::vector<std::string>& tags) {
  nlohmann::json out = nlohmann::json::object();
  if (!tags.empty()) {
    out["tags"] = tags;
  }
  return out;
}

std::vector<DynamicSetting> dynamic_settings_from_json(const nlohmann::json& body) {
  std::vector<DynamicSetting> out;
  if (!body.is_object()) {
    return out;
  }
  auto tags = body.find("tags");
  if (tags == body.end() || !tags->is_array()) {
    return out;
  }
  for (const auto& entry : *tags) {
    DynamicSetting s;
    s.tag = string_of(entry, "tag");
    if (s.tag.empty()) {
      continue;
    }
    s.family = string_of(entry, "familyOrModelDisplayName");
    s.value = optional_string_of(entry, "value");
    s.parent_value = optional_string_of(entry, "parentValue");
    s.parent_level = string_of(entry, "parentLevel");
    out.push_back(std::move(s));
  }
  return out;
}

nlohmann::json device_dynamic_settings_put_json(const std::vector<DynamicSettingChange>& changes) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& c : changes) {
    tags.push_back(change_json(c, false));
  }
  return {{"tags", std::move(tags)}};
}

nlohmann::json dynamic_settings_job_json(const DynamicSettingsJobRequest& request) {
  nlohmann::json out = nlohmann::json::object();
  if (!request.location_id.empty()) {
    out["locationId"] = request.location_id;
  }
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& c : request.tags) {
    tags.push_back(change_json(c, true));
  }
  out["tags"] = std::move(tags);
  return out;
}

}  // namespace wx::webex_detail
