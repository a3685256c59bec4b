#include "wxphones/model/device_model.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "wxphones/model/catalog_data.h"

namespace wx {

namespace {

SettingsFamily settings_family_from(const std::string& text) {
  if (text == "WEBEX_CALLING_DEVICE_CONFIGURATION") return SettingsFamily::CallingCustomizations;
  if (text == "WEBEX_DEVICE_CONFIGURATION") return SettingsFamily::DeviceConfigurations;
  if (text == "WEBEX_CALLING_DYNAMIC_DEVICE_CONFIGURATION") return SettingsFamily::DynamicSettings;
  return SettingsFamily::None;
}

template <typename T>
T value_or(const nlohmann::json& object, const char* key, T fallback) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    return fallback;  // a wrong type in one field must not make the whole catalog unreadable
  }
}

// A count read leniently (numbers may be floats); 0 when it is not a finite number an int can hold.
int count_of(const nlohmann::json& object, const char* key) {
  const double v = value_or<double>(object, key, 0);
  return std::isfinite(v) && v > INT_MIN && v < INT_MAX ? static_cast<int>(v) : 0;
}

std::vector<std::string> strings_of(const nlohmann::json& object, const char* key) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool DeviceModel::phone_os() const {
  // PhoneOS hardware: Cisco Desk Phone 9800 Series and the Video Phone 8875.
  for (const char* id : {"9841", "9851", "9861", "9871", "8875"}) {
    if (model.find(id) != std::string::npos) return true;
  }
  return false;
}

bool DeviceModel::supports_onboarding(std::string_view method) const {
  return contains(onboarding_methods, method);
}

bool DeviceModel::supports_owner(std::string_view people_or_place) const {
  return supported_for.empty() || contains(supported_for, people_or_place);
}

DeviceModel DeviceModel::from_json(const nlohmann::json& entry) {
  DeviceModel m;
  m.model = value_or<std::string>(entry, "model", "");
  m.display_name = value_or<std::string>(entry, "displayName", "");
  m.family_display_name = value_or<std::string>(entry, "familyDisplayName", "");
  m.type = value_or<std::string>(entry, "type", "");
  m.onboarding_methods = strings_of(entry, "onboardingMethod");
  m.supported_for = strings_of(entry, "supportedFor");
  m.allow_configure_layout = value_or<bool>(entry, "allowConfigureLayoutEnabled", false);
  m.number_of_line_key_buttons = count_of(entry, "numberOfLineKeyButtons");
  m.number_of_line_ports = count_of(entry, "numberOfLinePorts");
  m.kem_support = value_or<bool>(entry, "kemSupportEnabled", false);
  m.kem_module_count = count_of(entry, "kemModuleCount");
  m.kem_module_types = strings_of(entry, "kemModuleType");
  m.supports_apply_changes = value_or<bool>(entry, "supportsApplyChangesEnabled", false);
  m.settings_family = settings_family_from(value_or<std::string>(entry, "deviceSettingsConfiguration", ""));
  return m;
}

ModelCatalog::ModelCatalog(std::vector<DeviceModel> models) : m_models(std::move(models)) {
  // In catalog order, so the first model that carries a name wins, as a scan would find it.
  for (std::size_t i = 0; i < m_models.size(); ++i) {
    m_index.emplace(m_models[i].model, i);
    m_index.emplace(m_models[i].display_name, i);
  }
}

ModelCatalog ModelCatalog::from_supported_devices(const nlohmann::json& body) {
  std::vector<DeviceModel> models;
  auto it = body.find("devices");
  if (it != body.end() && it->is_array()) {
    for (const auto& entry : *it) {
      if (entry.is_object()) models.push_back(DeviceModel::from_json(entry));
    }
  }
  return ModelCatalog(std::move(models));
}

const ModelCatalog& ModelCatalog::builtin() {
  static const ModelCatalog catalog =
      from_supported_devices(nlohmann::json::parse(embedded::supported_devices_json));
  return catalog;
}

const DeviceModel* ModelCatalog::find(std::string_view model_or_display_name) const {
  auto it = m_index.find(model_or_display_name);
  return it == m_index.end() ? nullptr : &m_models[it->second];
}

}  // namespace wx
