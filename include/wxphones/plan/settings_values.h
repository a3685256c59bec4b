#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/device_members.h"
#include "wxphones/model/dynamic_settings.h"
#include "wxphones/model/hoteling.h"

namespace wx {

// Settings values as plans show them (before/after and the JSON plan), with the API's field names.
nlohmann::json member_json(const DeviceMember& member);
nlohmann::json members_json(const std::vector<DeviceMember>& members);
nlohmann::json dynamic_json(const std::vector<DynamicSettingChange>& changes);  // [{tag, action, value?}]
nlohmann::json hoteling_json(const Hoteling& hoteling);                         // declared fields only

// Secret values (a customization key that names a password) replaced by "(secret)", recursively,
// for plans, plan files and reports. Keys are matched by name, flattened ("httpProxy.password") or not.
nlohmann::json redact_secrets(nlohmann::json value);
inline constexpr const char* kSecretText = "(secret)";

}  // namespace wx
