#include "emulator/dynamic_store.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "emulator/text.h"
#include "wxphones/model/catalog_data.h"

namespace wx::emulator {

namespace {

std::string number_text(double v) {
  return v == std::floor(v) ? std::to_string(static_cast<long long>(v)) : std::to_string(v);
}

std::optional<std::string> lookup(const DynamicValues& values, const DynamicKey& key) {
  auto it = values.find(key);
  return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

// "feature.bluetooth.enabled" -> "Feature.Bluetooth": the group of a derived settingsGroups entry.
std::string group_path(const std::string& friendly_name) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos <= friendly_name.size()) {
    auto next = friendly_name.find('.', pos);
    if (next == std::string::npos) next = friendly_name.size();
    parts.push_back(friendly_name.substr(pos, next - pos));
    pos = next + 1;
  }
  if (parts.size() > 2) parts.resize(2);
  std::string out;
  for (auto& p : parts) {
    if (!p.empty()) p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    out += (out.empty() ? "" : ".") + p;
  }
  return out.empty() ? "General" : out;
}

}  // namespace

const nlohmann::json& builtin_validation_schema() {
  static const nlohmann::json body = nlohmann::json::parse(embedded::dynamic_settings_schema_json);
  return body;
}

void set_validation_schema(State& state, nlohmann::json body) {
  if (!body.is_object() || !body.contains("tags") || !body["tags"].is_array()) {
    throw std::invalid_argument("a validationSchema body is {tags:[...]}");
  }
  state.org.settings.schema = DynamicSettingsSchema::from_json(body);
  state.org.settings.validation_schema = std::move(body);
}

std::string resolve_dynamic_family(const State& state, const std::string& family_or_model) {
  const auto& schema = state.org.settings.schema;
  if (schema.has_family(family_or_model)) return family_or_model;
  for (const auto& rule : schema.rules()) {
    if (iequals(rule.family, family_or_model)) return rule.family;
  }
  if (const auto* model = state.org.catalog.find(family_or_model)) {
    if (schema.has_family(model->family_display_name)) return model->family_display_name;
  }
  return "";
}

std::string dynamic_family(const State& state, const Device& device) {
  const auto* model = state.model_of(device);
  if (model == nullptr || model->settings_family != SettingsFamily::DynamicSettings) return "";
  return model->family_display_name;
}

std::string system_default(const State& state, const DynamicSettingRule& rule) {
  if (auto v = lookup(state.org.settings.dynamic_defaults, {rule.family, rule.tag})) return *v;
  if (!rule.values.empty()) return rule.values.front();
  if (rule.min) return number_text(*rule.min);
  return "";
}

nlohmann::json dynamic_entry(const State& state, const DynamicSettingRule& rule,
                             const std::string* location_uuid, const Device* device) {
  const DynamicKey key{rule.family, rule.tag};
  const auto& s = state.org.settings;
  std::optional<std::string> location_value;
  std::string where =
      location_uuid != nullptr ? *location_uuid : (device != nullptr ? device->location_uuid : "");
  if (!where.empty()) {
    if (auto it = s.locations.find(where); it != s.locations.end())
      location_value = lookup(it->second.dynamic, key);
  }
  const auto org_value = lookup(s.dynamic, key);
  std::optional<std::string> value;
  std::string parent_value = system_default(state, rule);
  std::string parent_level = "SYSTEM_DEFAULT";
  auto inherit = [&](const std::optional<std::string>& v, const char* level) {
    if (v) {
      parent_value = *v;
      parent_level = level;
    }
  };
  if (device != nullptr) {
    inherit(org_value, "ORGANIZATION");
    inherit(location_value, "LOCATION");
    if (auto it = device->settings.dynamic.find(rule.tag); it != device->settings.dynamic.end())
      value = it->second;
  } else if (location_uuid != nullptr) {
    inherit(org_value, "ORGANIZATION");
    value = location_value;
  } else {
    value = org_value;
  }
  nlohmann::json out = {{"familyOrModelDisplayName", rule.family}, {"tag", rule.tag}};
  if (value) out["value"] = *value;
  out["parentValue"] = parent_value;
  out["parentLevel"] = parent_level;
  return out;
}

std::string dynamic_action(const std::string& action) {
  const auto upper = to_lower(action);
  if (upper == "set" || upper == "add") return "SET";
  if (upper == "clear" || upper == "delete") return "CLEAR";
  return "";
}

std::optional<std::string> dynamic_write_value(const nlohmann::json& item, const std::string& action,
                                               const std::string& tag, std::optional<std::string>& value) {
  value.reset();
  if (action != "SET") return std::nullopt;
  if (!item.contains("value") || !item["value"].is_string()) {
    return "Invalid value for tag " + tag + ": SET needs a string value.";
  }
  value = item["value"].get<std::string>();
  return std::nullopt;
}

std::optional<std::string> check_dynamic_write(const DynamicSettingRule* rule, const std::string& tag,
                                               SettingLevel level, const std::optional<std::string>& value) {
  if (rule == nullptr) return "Invalid tag " + tag + ": not in the validation schema of this family.";
  if (!rule->allowed_at(level)) {
    return "Invalid tag " + tag + ": it cannot be set at " + std::string(level_name(level)) + " level.";
  }
  if (value) {
    if (auto error = rule->check(*value)) return "Invalid value for tag " + tag + ": " + *error + ".";
  }
  return std::nullopt;
}

nlohmann::json validation_schema_body(const State& state, const std::optional<std::string>& family) {
  const auto& body = state.org.settings.validation_schema;
  if (!family) return body;
  const auto resolved = resolve_dynamic_family(state, *family);
  auto tags = nlohmann::json::array();
  for (const auto& t : body.value("tags", nlohmann::json::array())) {
    if (t.value("familyOrModelDisplayName", "") == resolved) tags.push_back(t);
  }
  return {{"tags", tags}};
}

nlohmann::json settings_groups_body(const State& state, const std::optional<std::string>& family,
                                    const std::string& include) {
  const auto resolved = family ? resolve_dynamic_family(state, *family) : std::string();
  auto wanted = [&](const std::string& f) { return !family || f == resolved; };
  nlohmann::json groups = nlohmann::json::array();
  nlohmann::json tabs = nlohmann::json::array();
  const auto& seeded = state.org.settings.settings_groups;
  if (seeded.is_object()) {  // the seed's body, filtered
    for (const auto& g : seeded.value("settingsGroups", nlohmann::json::array())) {
      if (wanted(g.value("familyOrModelDisplayName", ""))) groups.push_back(g);
    }
    for (const auto& t : seeded.value("settingsTabs", nlohmann::json::array())) {
      if (!family || (t.is_string() && t.get<std::string>() == resolved)) tabs.push_back(t);
    }
  } else {  // derived: one group per friendlyName prefix, one tab per family
    for (const auto& rule : state.org.settings.schema.rules()) {
      if (!wanted(rule.family)) continue;
      const auto path = group_path(rule.friendly_name);
      auto it = std::find_if(groups.begin(), groups.end(), [&](const nlohmann::json& g) {
        return g["path"] == path && g["familyOrModelDisplayName"] == rule.family;
      });
      if (it == groups.end()) {
        groups.push_back({{"path", path},
                          {"friendlyName", rule.friendly_name},
                          {"tab", rule.family},
                          {"familyOrModelDisplayName", rule.family},
                          {"tags", nlohmann::json::array()}});
        it = groups.end() - 1;
      }
      (*it)["tags"].push_back({{"tagBlock", nlohmann::json::array({rule.tag})}});
      if (std::find(tabs.begin(), tabs.end(), rule.family) == tabs.end()) tabs.push_back(rule.family);
    }
  }
  nlohmann::json out = nlohmann::json::object();
  const auto mode = to_lower(include);
  if (mode != "tabs") out["settingsGroups"] = groups;
  if (mode != "groups") out["settingsTabs"] = tabs;
  return out;
}

}  // namespace wx::emulator
