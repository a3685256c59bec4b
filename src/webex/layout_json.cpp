#include "layout_json.h"

#include "live_json.h"

namespace wx::webex_detail {

namespace {

const nlohmann::json* array_of(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) {
    return nullptr;
  }
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? &*it : nullptr;
}

void put_optional(nlohmann::json& out, const char* key, const std::optional<std::string>& value) {
  if (value) {
    out[key] = *value;
  }
}

void put_optional(nlohmann::json& out, const char* key, const std::optional<int>& value) {
  if (value) {
    out[key] = *value;
  }
}

nlohmann::json kem_keys_to_json(const std::vector<KemKey>& keys) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : keys) {
    nlohmann::json key = {
        {"kemModuleIndex", k.module_index}, {"kemKeyIndex", k.key_index}, {"kemKeyType", k.type}};
    put_optional(key, "kemKeyLabel", k.label);
    put_optional(key, "kemKeyValue", k.value);
    put_optional(key, "sharedLineIndex", k.shared_line_index);
    out.push_back(std::move(key));
  }
  return out;
}

std::vector<KemKey> kem_keys_from_json(const nlohmann::json& object) {
  std::vector<KemKey> out;
  const auto* keys = array_of(object, "kemKeys");
  if (keys == nullptr) {
    return out;
  }
  for (const auto& item : *keys) {
    if (!item.is_object()) {
      continue;
    }
    KemKey k;
    k.module_index = int_of(item, "kemModuleIndex").value_or(0);
    k.key_index = int_of(item, "kemKeyIndex").value_or(0);
    k.type = string_of(item, "kemKeyType");
    k.label = optional_string_of(item, "kemKeyLabel");
    k.value = optional_string_of(item, "kemKeyValue");
    k.shared_line_index = int_of(item, "sharedLineIndex");
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

nlohmann::json line_keys_to_json(const std::vector<LineKey>& keys) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : keys) {
    nlohmann::json key = {{"lineKeyIndex", k.index}, {"lineKeyType", k.type}};
    put_optional(key, "lineKeyLabel", k.label);
    put_optional(key, "lineKeyValue", k.value);
    put_optional(key, "sharedLineIndex", k.shared_line_index);
    out.push_back(std::move(key));
  }
  return out;
}

std::vector<LineKey> line_keys_from_json(const nlohmann::json& object) {
  std::vector<LineKey> out;
  const auto* keys = array_of(object, "lineKeys");
  if (keys == nullptr) {
    return out;
  }
  for (const auto& item : *keys) {
    if (!item.is_object()) {
      continue;
    }
    LineKey k;
    k.index = int_of(item, "lineKeyIndex").value_or(0);
    k.type = string_of(item, "lineKeyType");
    k.label = optional_string_of(item, "lineKeyLabel");
    k.value = optional_string_of(item, "lineKeyValue");
    k.shared_line_index = int_of(item, "sharedLineIndex");
    out.push_back(std::move(k));
  }
  return out;
}

Layout layout_from_json(const nlohmann::json& body) {
  Layout layout;
  layout.user_reorder_enabled = bool_of(body, "userReorderEnabled");
  layout.line_keys = line_keys_from_json(body);
  layout.kem_module_type = optional_string_of(body, "kemModuleType");
  layout.kem_keys = kem_keys_from_json(body);
  std::string mode = upper(string_of(body, "layoutMode"));
  if (mode == "CUSTOM") {
    layout.mode = LayoutMode::Custom;
  } else if (mode == "DEFAULT") {
    layout.mode = LayoutMode::Default;
  } else {  // absent or a mode this client does not know: keys present means someone customised it
    layout.mode =
        layout.line_keys.empty() && layout.kem_keys.empty() ? LayoutMode::Default : LayoutMode::Custom;
  }
  return layout;
}

nlohmann::json layout_to_json(const Layout& layout) {
  nlohmann::json out = nlohmann::json::object();
  out["layoutMode"] = layout.mode == LayoutMode::Custom ? "CUSTOM" : "DEFAULT";
  if (layout.user_reorder_enabled) {
    out["userReorderEnabled"] = *layout.user_reorder_enabled;
  }
  if (layout.mode == LayoutMode::Default) {
    return out;
  }
  out["lineKeys"] = line_keys_to_json(layout.line_keys);  // required for CUSTOM, even when empty
  put_optional(out, "kemModuleType", layout.kem_module_type);
  if (!layout.kem_keys.empty()) {
    out["kemKeys"] = kem_keys_to_json(layout.kem_keys);
  }
  return out;
}

LineKeyTemplate template_from_json(const nlohmann::json& body, bool details_loaded) {
  LineKeyTemplate tpl;
  tpl.id = string_of(body, "id");
  tpl.template_name = string_of(body, "templateName");
  tpl.device_model = string_of(body, "deviceModel");
  tpl.model_display_name = string_of(body, "modelDisplayName");
  tpl.user_reorder_enabled = bool_of(body, "userReorderEnabled");
  tpl.line_keys = line_keys_from_json(body);
  tpl.details_loaded = details_loaded;
  return tpl;
}

nlohmann::json template_create_json(const LineKeyTemplate& tpl) {
  nlohmann::json out = {{"templateName", tpl.template_name}, {"deviceModel", tpl.device_model}};
  if (tpl.user_reorder_enabled) {
    out["userReorderEnabled"] = *tpl.user_reorder_enabled;
  }
  out["lineKeys"] = line_keys_to_json(tpl.line_keys);
  return out;
}

nlohmann::json template_update_json(const LineKeyTemplate& tpl) {
  nlohmann::json out = nlohmann::json::object();
  if (tpl.user_reorder_enabled) {
    out["userReorderEnabled"] = *tpl.user_reorder_enabled;
  }
  out["lineKeys"] = line_keys_to_json(tpl.line_keys);
  return out;
}

nlohmann::json apply_template_json(const ApplyTemplateRequest& request) {
  nlohmann::json out = {{"action", request.action}};
  if (!request.template_id.empty()) {
    out["templateId"] = request.template_id;
  }
  if (!request.location_ids.empty()) {  // absent = the whole organisation
    out["locationIds"] = request.location_ids;
  }
  out["excludeDevicesWithCustomLayout"] = request.exclude_devices_with_custom_layout;
  if (!request.include_device_tags.empty()) {
    out["includeDeviceTags"] = request.include_device_tags;
  }
  if (!request.exclude_device_tags.empty()) {
    out["excludeDeviceTags"] = request.exclude_device_tags;
  }
  return out;
}

}  // namespace wx::webex_detail
