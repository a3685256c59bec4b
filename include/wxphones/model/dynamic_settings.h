#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx {

// Dynamic (tag-based) device settings, WEBEX_API.md §8. A tag such as "%ENABLE_BLUETOOTH%" belongs
// to a family ("Cisco 9800", = supportedDevices familyDisplayName); values are always strings.

enum class SettingLevel { Organization, Location, Device };

// One tag as GET ...getSettings returns it at some level: `value` only when set at that level.
struct DynamicSetting {
  std::string family;  // familyOrModelDisplayName; may be empty in device-level reads
  std::string tag;
  std::optional<std::string> value;
  std::optional<std::string> parent_value;
  std::string parent_level;  // SYSTEM_DEFAULT | REGIONAL_DEFAULT | ORGANIZATION | LOCATION (open set)
  std::string effective() const { return value ? *value : parent_value.value_or(""); }
};

// One write: SET with a value, or CLEAR (remove the override at this level).
struct DynamicSettingChange {
  std::string family;  // sent only by the org/location job
  std::string tag;
  std::optional<std::string> value;  // nullopt = CLEAR
  bool secret = false;               // a password-type tag: plans and reports never show the value
  friend bool operator==(const DynamicSettingChange&, const DynamicSettingChange&) = default;
};

// GET .../dynamicSettings/validationSchema, one tag's entry.
struct DynamicSettingRule {
  std::string family;
  std::string tag;
  std::string friendly_name;
  std::vector<SettingLevel> levels;  // where it may be set
  std::string type;                  // string | integer | int | boolean | enum | password | network (open)
  std::vector<std::string> values;   // allowed values (enum, boolean "1"/"0")
  std::optional<double> min;
  std::optional<double> max;
  std::optional<double> increment;
  std::optional<std::string> regex;
  std::optional<int> max_length;
  std::string hint;  // validationHint, shown in errors

  bool allowed_at(SettingLevel level) const;
  // nullopt when `value` passes; otherwise what was expected, for an error message.
  std::optional<std::string> check(const std::string& value) const;
};

// The validation schema of the families a run needs: the org's (read live) or the built-in
// snapshot data/dynamic-settings-schema.json (offline validate, emulator default seed).
class DynamicSettingsSchema {
 public:
  DynamicSettingsSchema() = default;
  static DynamicSettingsSchema from_json(const nlohmann::json& body);  // {tags:[...]}, tolerant
  static const DynamicSettingsSchema& builtin();

  const DynamicSettingRule* find(const std::string& family, const std::string& tag) const;
  std::vector<std::string> tags_of(const std::string& family) const;  // for "did you mean"
  bool has_family(const std::string& family) const;
  const std::vector<DynamicSettingRule>& rules() const { return m_rules; }
  void add(DynamicSettingRule rule) { m_rules.push_back(std::move(rule)); }

 private:
  std::vector<DynamicSettingRule> m_rules;
};

std::string_view level_name(SettingLevel level);  // "organization" | "location" | "device"

}  // namespace wx
