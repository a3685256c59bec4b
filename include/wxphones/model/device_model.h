#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx {

// Which settings API a model uses (supportedDevices deviceSettingsConfiguration).
enum class SettingsFamily { CallingCustomizations, DeviceConfigurations, DynamicSettings, None };

// One entry of GET /telephony/config/supportedDevices, with the fields wxphones decides on.
struct DeviceModel {
  std::string model;         // API model string, "DMS Cisco 9861"
  std::string display_name;  // "Cisco 9861"
  std::string family_display_name;
  std::string type;  // MPP | ATA | GENERIC_SIP | ESIM | DESK_PHONE | ... (open set)
  std::vector<std::string> onboarding_methods;  // MAC_ADDRESS | ACTIVATION_CODE | NONE
  std::vector<std::string> supported_for;       // PEOPLE | PLACE
  bool allow_configure_layout = false;
  int number_of_line_key_buttons = 0;
  int number_of_line_ports = 0;
  bool kem_support = false;
  int kem_module_count = 0;
  std::vector<std::string> kem_module_types;
  bool supports_apply_changes = false;
  SettingsFamily settings_family = SettingsFamily::None;

  // PhoneOS (9800 Series, 8875) accepts most configuration only after it has come online.
  bool phone_os() const;
  bool supports_onboarding(std::string_view method) const;
  bool supports_owner(std::string_view people_or_place) const;

  static DeviceModel from_json(const nlohmann::json& entry);  // tolerant of unknown fields
};

// The models an organisation offers. Lookups accept the model string or the display name.
class ModelCatalog {
 public:
  ModelCatalog() = default;
  explicit ModelCatalog(std::vector<DeviceModel> models);

  static ModelCatalog from_supported_devices(const nlohmann::json& body);  // {devices:[...]}
  static const ModelCatalog& builtin();  // the snapshot in data/supported-devices.json

  const DeviceModel* find(std::string_view model_or_display_name) const;
  const std::vector<DeviceModel>& models() const { return m_models; }
  bool empty() const { return m_models.empty(); }

 private:
  std::vector<DeviceModel> m_models;
  // model string and display name -> position; the planner looks a model up per phone per job
  std::map<std::string, std::size_t, std::less<>> m_index;
};

}  // namespace wx
