#include "emulator/device_settings.h"

#include <algorithm>

#include "emulator/settings_data.h"
#include "wxphones/model/customizations.h"

namespace wx::emulator {

namespace {

const nlohmann::json& type_tree() {
  static const nlohmann::json tree = nlohmann::json::parse(data::customization_types_json);
  return tree;
}

std::string join(const nlohmann::json& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v.get<std::string>();
  return out;
}

// One value against its type node {t, p?, i?, e?}.
std::optional<std::string> check_value(const nlohmann::json& node, const nlohmann::json& value,
                                       const std::string& path) {
  const auto type = node.value("t", std::string("any"));
  if (type == "any" || value.is_null()) return std::nullopt;  // null = unset, as in the spec's examples
  if (type == "object") {
    if (!value.is_object()) return path + " must be an object.";
    const auto& props = node["p"];
    for (const auto& [key, child] : value.items()) {
      auto it = props.find(key);
      if (it == props.end()) continue;
      if (auto error = check_value(*it, child, path + "." + key)) return error;
    }
    return std::nullopt;
  }
  if (type == "array") {
    if (!value.is_array()) return path + " must be an array.";
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto error = check_value(node["i"], value[i], path + "[" + std::to_string(i) + "]")) return error;
    }
    return std::nullopt;
  }
  if (type == "boolean") {
    if (!value.is_boolean()) return path + " must be a boolean.";
    return std::nullopt;
  }
  if (type == "integer") {
    if (!value.is_number_integer()) return path + " must be an integer.";
    return std::nullopt;
  }
  if (type == "number") {
    if (!value.is_number()) return path + " must be a number.";
    return std::nullopt;
  }
  if (type == "string") {
    if (!value.is_string()) return path + " must be a string.";
    if (node.contains("e")) {
      const auto& allowed = node["e"];
      if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        return path + ": invalid value '" + value.get<std::string>() + "'; expected one of " + join(allowed) +
               ".";
      }
    }
  }
  return std::nullopt;
}

const LocationSettings* location_settings(const State& state, const std::string& location_uuid) {
  const auto& locations = state.org.settings.locations;
  auto it = locations.find(location_uuid);
  return it == locations.end() ? nullptr : &it->second;
}

}  // namespace

const nlohmann::json& default_customizations() {
  static const nlohmann::json defaults = nlohmann::json::parse(data::customization_defaults_json);
  return defaults;
}

std::string customization_family(const State& state, const Device& device) {
  const auto* model = state.model_of(device);
  return model == nullptr ? std::string() : customization_family_for_type(model->type);
}

const nlohmann::json& org_customizations(const State& state) {
  const auto& own = state.org.settings.customizations;
  return own.empty() ? default_customizations() : own;
}

bool location_custom_enabled(const State& state, const std::string& location_uuid) {
  const auto* l = location_settings(state, location_uuid);
  return l != nullptr && l->custom_enabled;
}

nlohmann::json location_customizations(const State& state, const std::string& location_uuid) {
  const auto* l = location_settings(state, location_uuid);
  if (l == nullptr || !l->custom_enabled) return org_customizations(state);
  return overlay_json(org_customizations(state), l->customizations);
}

nlohmann::json device_customizations(const State& state, const Device& device) {
  const auto family = customization_family(state, device);
  if (family.empty()) return nlohmann::json::object();
  auto inherited =
      location_customizations(state, device.location_uuid).value(family, nlohmann::json::object());
  if (!device.settings.custom_enabled) return inherited;
  return overlay_json(inherited, device.settings.customizations.value(family, nlohmann::json::object()));
}

std::vector<std::string> devices_reached(const State& state,
                                         const std::optional<std::string>& location_uuid) {
  std::vector<std::string> out;
  for (const auto& d : state.org.devices) {
    if (location_uuid && d.location_uuid != *location_uuid) continue;
    if (customization_family(state, d).empty() || d.settings.custom_enabled) continue;
    out.push_back(d.uuid);
  }
  return out;
}

std::optional<std::string> check_customizations(const nlohmann::json& customizations,
                                                const std::vector<std::string>& allowed) {
  if (!customizations.is_object()) return "customizations must be an object.";
  const auto& families = type_tree()["p"];
  for (const auto& [family, value] : customizations.items()) {
    if (std::find(allowed.begin(), allowed.end(), family) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return "customizations." + family + " is not accepted here; expected " + list + ".";
    }
    if (auto error = check_value(families[family], value, "customizations." + family)) return error;
  }
  return std::nullopt;
}

}  // namespace wx::emulator
