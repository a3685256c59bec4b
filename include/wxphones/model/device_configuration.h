#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx {

// GET /deviceConfigurations?deviceId=... (WEBEX_API.md §7): one key of the `items` map.
struct ConfigurationValue {
  nlohmann::json value;             // effective value, typed per valueSpace
  std::string source;               // default | configured
  nlohmann::json configured;        // sources.configured.value (null when not configured)
  nlohmann::json default_value;     // sources.default.value
  bool editable = true;             // sources.configured.editability.isEditable
  std::string not_editable_reason;  // editability.reason when not editable
  nlohmann::json value_space;       // a JSON Schema: type, minimum/maximum, minLength/maxLength, enum
};

using DeviceConfigurations = std::map<std::string, ConfigurationValue>;  // key -> value

// One json-patch operation of PATCH /deviceConfigurations: replace sets KEY/sources/configured/value,
// remove reverts the key to its default.
struct ConfigurationPatch {
  enum class Op { Replace, Remove };
  Op op = Op::Replace;
  std::string key;
  nlohmann::json value;  // Replace only
  friend bool operator==(const ConfigurationPatch&, const ConfigurationPatch&) = default;
};

// [{op, path: "KEY/sources/configured/value", value?}], the body of the PATCH.
nlohmann::json configuration_patch_json(const std::vector<ConfigurationPatch>& patch);

// nullopt when `value` fits the valueSpace schema; otherwise what was expected.
std::optional<std::string> check_value_space(const nlohmann::json& value_space, const nlohmann::json& value);

}  // namespace wx
