#include "configurations_json.h"

#include "live_json.h"

namespace wx::webex_detail {

namespace {

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) {
    return kNull;
  }
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

}  // namespace

DeviceConfigurations device_configurations_from_json(const nlohmann::json& body) {
  DeviceConfigurations out;
  const auto& items = member(body, "items");
  if (!items.is_object()) {
    return out;
  }
  for (const auto& [key, item] : items.items()) {
    if (!item.is_object()) {
      continue;
    }
    ConfigurationValue v;
    v.value = member(item, "value");
    v.source = string_of(item, "source");
    const auto& sources = member(item, "sources");
    const auto& configured = member(sources, "configured");
    v.configured = member(configured, "value");
    v.default_value = member(member(sources, "default"), "value");
    const auto& editability = member(configured, "editability");
    auto editable = bool_of(editability, "isEditable");
    if (!editable) {
      editable = bool_of(editability, "editable");
    }
    v.editable = editable.value_or(true);
    if (!v.editable) {
      v.not_editable_reason = string_of(editability, "reason");
    }
    v.value_space = member(item, "valueSpace");
    out.emplace(key, std::move(v));
  }
  return out;
}

}  // namespace wx::webex_detail
