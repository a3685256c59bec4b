#include "wxphones/plan/live_digest.h"

#include "wxphones/plan/layout_compare.h"
#include "wxphones/plan/settings_values.h"
#include "wxphones/util/digest.h"

namespace wx {

namespace {

nlohmann::json device_json(const LiveDevice& d) {
  return {{"id", d.id},
          {"mac", d.mac},
          {"model", d.model},
          {"person", d.person_id},
          {"workspace", d.workspace_id},
          {"location", d.location_id},
          {"status", d.connection_status},
          {"activation", d.activation_state},
          {"tags", d.tags}};
}

nlohmann::json dynamic_values(const std::vector<DynamicSetting>& tags) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& t : tags)
    out[t.family + "/" + t.tag] = {t.value.value_or(""), t.value.has_value(), t.parent_value.value_or("")};
  return out;
}

nlohmann::json customizations_json(const ScopeCustomizations& s) {
  return {{"customEnabled", s.custom_enabled ? nlohmann::json(*s.custom_enabled) : nlohmann::json()},
          {"customizations", s.customizations}};
}

}  // namespace

std::map<std::string, std::string> live_digests(const LiveState& live) {
  std::map<std::string, std::string> names;  // device id -> MAC (or id), for readable keys
  for (const auto& d : live.devices) names[d.id] = d.mac.empty() ? d.id : d.mac;
  auto device_name = [&](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  auto location_name = [&](const std::string& id) {
    const auto* l = live.location_by_id(id);
    return l ? l->name : id;
  };
  std::map<std::string, std::string> out;
  auto put = [&](const std::string& key, const nlohmann::json& value) { out[key] = digest_of(value.dump()); };

  for (const auto& [email, p] : live.people) put("person " + email, {p.id, p.location_id});
  for (const auto& [name, w] : live.workspaces) put("workspace " + name, {w.id, w.location_id});
  for (const auto& d : live.devices) put("phone " + device_name(d.id), device_json(d));
  for (const auto& [mac, status] : live.mac_status)
    put("MAC " + mac, {status.state, status.error_code.value_or(0)});
  for (const auto& t : live.templates) {
    put("template " + t.template_name,
        {t.id, t.device_model, t.user_reorder_enabled.value_or(false), line_keys_to_json(t.line_keys)});
  }
  for (const auto& [id, layout] : live.layouts) put("layout of " + device_name(id), layout_to_json(layout));
  if (live.org_customizations)
    put("settings of the organization", customizations_json(*live.org_customizations));
  for (const auto& [id, s] : live.location_customizations)
    put("settings of location " + location_name(id), customizations_json(s));
  for (const auto& [id, s] : live.device_customizations)
    put("settings of " + device_name(id), customizations_json(s));
  for (const auto& [id, s] : live.person_device_settings)
    put("device settings of person " + id, s.compression);
  for (const auto& [id, s] : live.workspace_device_settings)
    put("device settings of workspace " + id, s.compression);
  for (const auto& [id, h] : live.person_hoteling) put("hoteling of person " + id, hoteling_json(h));
  for (const auto& [id, h] : live.workspace_hoteling) put("hoteling of workspace " + id, hoteling_json(h));
  for (const auto& [family, tags] : live.org_dynamic)
    put("dynamic settings of the organization (" + family + ")", dynamic_values(tags));
  for (const auto& [key, tags] : live.location_dynamic) {
    put("dynamic settings of location " + location_name(key.first) + " (" + key.second + ")",
        dynamic_values(tags));
  }
  for (const auto& [id, tags] : live.device_dynamic)
    put("dynamic settings of " + device_name(id), dynamic_values(tags));
  for (const auto& [id, values] : live.device_configurations) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [key, v] : values) j[key] = {v.value, v.source};
    put("configurations of " + device_name(id), j);
  }
  for (const auto& [id, m] : live.device_members) put("lines of " + device_name(id), members_json(m.members));
  return out;
}

}  // namespace wx
