#include "manifest/phone_settings.h"

#include <regex>

#include "manifest/json_access.h"
#include "manifest/settings_checks.h"
#include "wxphones/model/customizations.h"

namespace wx::manifest {

namespace {

// What to write instead, for the settings API a model uses.
std::string how_to_declare(const DeviceModel& model) {
  switch (model.settings_family) {
    case SettingsFamily::CallingCustomizations: {
      std::string family = customization_family_for_type(model.type);
      return "declare its settings under settings: {customizations: {" + (family.empty() ? "mpp" : family) +
             ": {...}}}";
    }
    case SettingsFamily::DynamicSettings:
      return "declare its settings under dynamicSettings: {\"%TAG%\": \"value\"} (family \"" +
             model.family_display_name + "\")";
    case SettingsFamily::DeviceConfigurations:
      return "declare its settings under configurations: {\"Key.Path\": value}";
    case SettingsFamily::None:
      break;
  }
  return "wxphones cannot manage its settings";
}

// True when the model uses `wanted`; otherwise reports at the key written at `pointer`.
bool model_uses(const ManifestDocument& doc, DecodeContext& ctx, const DeviceModel* model,
                SettingsFamily wanted, const std::string& pointer, const char* what) {
  if (model == nullptr || model->settings_family == wanted) {
    return true;
  }
  const std::string key = field_path(pointer).substr(std::string("spec.").size());
  ctx.error(doc.locations.key_location(pointer), field_path(pointer),
            "model \"" + model->display_name + "\" does not take " + key + " (" + what +
                "): its deviceSettingsConfiguration is " + settings_api_name(model->settings_family) + "; " +
                how_to_declare(*model));
  return false;
}

void decode_customizations(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& settings,
                           const DeviceModel* model, DesiredPhone& phone) {
  const std::string pointer = "/spec/settings";
  if (!model_uses(doc, ctx, model, SettingsFamily::CallingCustomizations, pointer, "device customizations")) {
    return;
  }
  PhoneSettingsSpec out;
  if (const nlohmann::json* enabled = member_of(settings, "customEnabled");
      enabled && enabled->is_boolean()) {
    out.custom_enabled = enabled->get<bool>();
  }
  if (const nlohmann::json* customizations = member_of(settings, "customizations");
      customizations != nullptr && customizations->is_object()) {
    const std::string at = pointer + "/customizations";
    check_customizations(doc, ctx, *customizations, at, kDeviceCustomizations);
    const std::string family = model != nullptr ? customization_family_for_type(model->type) : "";
    for (const auto& [key, value] : customizations->items()) {
      if (!family.empty() && key != family && (key == "ata" || key == "mpp" || key == "wifi")) {
        ctx.error(doc.locations.key_location(pointer_append(at, key)), field_path(pointer_append(at, key)),
                  "model \"" + model->display_name + "\" (type " + model->type +
                      ") takes customizations under \"" + family + "\", not \"" + key + "\"");
      }
    }
    out.customizations = *customizations;
  }
  phone.settings = std::move(out);
}

void decode_dynamic(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& tags,
                    const DeviceModel* model, DesiredPhone& phone) {
  const std::string pointer = "/spec/dynamicSettings";
  if (!model_uses(doc, ctx, model, SettingsFamily::DynamicSettings, pointer, "dynamic settings")) {
    return;
  }
  const std::string family = model != nullptr ? model->family_display_name : "";
  phone.dynamic_settings = decode_dynamic_tags(doc, ctx, tags, pointer, family, SettingLevel::Device);
}

// Configuration keys in a write are absolute: "Audio.Ringer.Volume", "Network[1].VLAN.Voice.Mode".
// Wildcards and ranges select keys for reading only (WEBEX_API.md §7).
bool concrete_key(const std::string& key) {
  static const std::regex pattern(R"([A-Za-z0-9]+(\[[0-9]+\])?(\.[A-Za-z0-9]+(\[[0-9]+\])?)*)");
  return key.size() <= 1000 && std::regex_match(key, pattern);  // libstdc++ recurses per character
}

void decode_configurations(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& keys,
                           const DeviceModel* model, DesiredPhone& phone) {
  const std::string pointer = "/spec/configurations";
  if (!model_uses(doc, ctx, model, SettingsFamily::DeviceConfigurations, pointer, "device configurations")) {
    return;
  }
  for (const auto& [key, value] : keys.items()) {
    const std::string at = pointer_append(pointer, key);
    if (!concrete_key(key)) {
      const bool selector = key.find('*') != std::string::npos || key.find("..") != std::string::npos;
      ctx.error(
          doc.locations.key_location(at), field_path(at),
          "\"" + key + "\" is not a configuration key" +
              (selector ? " (wildcards and ranges select keys for reading, a write names each key)" : "") +
              "; expected letters and digits separated by dots, with [n] indexes, e.g. Audio.Ringer.Volume "
              "or Network[1].VLAN.Voice.Mode");
      continue;
    }
    if (value.is_object() || value.is_array()) {
      ctx.error(doc.at(at), field_path(at),
                std::string("expected a single value (string, number or boolean) or null to revert to the "
                            "default, got ") +
                    value.type_name());
      continue;
    }
    phone.configurations[key] = value;
  }
}

}  // namespace

std::string settings_api_name(SettingsFamily family) {
  switch (family) {
    case SettingsFamily::CallingCustomizations:
      return "WEBEX_CALLING_DEVICE_CONFIGURATION";
    case SettingsFamily::DeviceConfigurations:
      return "WEBEX_DEVICE_CONFIGURATION";
    case SettingsFamily::DynamicSettings:
      return "WEBEX_CALLING_DYNAMIC_DEVICE_CONFIGURATION";
    case SettingsFamily::None:
      break;
  }
  return "not set";
}

void decode_phone_settings(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& spec,
                           const DeviceModel* model, DesiredPhone& phone) {
  if (const nlohmann::json* settings = member_of(spec, "settings");
      settings != nullptr && settings->is_object()) {
    decode_customizations(doc, ctx, *settings, model, phone);
  }
  if (const nlohmann::json* tags = member_of(spec, "dynamicSettings"); tags != nullptr && tags->is_object()) {
    decode_dynamic(doc, ctx, *tags, model, phone);
  }
  if (const nlohmann::json* keys = member_of(spec, "configurations"); keys != nullptr && keys->is_object()) {
    decode_configurations(doc, ctx, *keys, model, phone);
  }
}

}  // namespace wx::manifest
