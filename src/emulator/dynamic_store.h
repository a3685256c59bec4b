#pragma once
// Dynamic (tag-based) device settings (WEBEX_API §8): the validation schema the org serves and the
// per-level override store SYSTEM_DEFAULT -> ORGANIZATION -> LOCATION -> device. Reads show
// `value` only when set at the level read, plus the inherited parentValue/parentLevel.
// All functions assume the caller holds state.mutex.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "emulator/state.h"

namespace wx::emulator {

// Installs a validationSchema body ({tags:[...]}) as the org's; throws std::invalid_argument when
// it has no tags array.
void set_validation_schema(State& state, nlohmann::json body);
// The built-in body (data/dynamic-settings-schema.json), used when the seed gives none.
const nlohmann::json& builtin_validation_schema();

// A familyOrModelDisplayName as the schema names it: a family, or a model display name mapped to
// its supportedDevices familyDisplayName. Empty when the schema has no such family.
std::string resolve_dynamic_family(const State& state, const std::string& family_or_model);
// The family of a device whose model uses dynamic settings (deviceSettingsConfiguration
// WEBEX_CALLING_DYNAMIC_DEVICE_CONFIGURATION); empty otherwise.
std::string dynamic_family(const State& state, const Device& device);

// SYSTEM_DEFAULT: the seed's default, else the first of `values`, else `min`, else "".
std::string system_default(const State& state, const DynamicSettingRule& rule);

// One getSettings entry {familyOrModelDisplayName, tag, value?, parentValue, parentLevel} at the
// org (no location, no device), a location, or a device.
nlohmann::json dynamic_entry(const State& state, const DynamicSettingRule& rule,
                             const std::string* location_uuid, const Device* device);

// Checks one write at `level`: the tag exists in the family, is settable there, and SET values pass
// the rule. Returns the Webex-style message naming the tag, or nullopt.
std::optional<std::string> check_dynamic_write(const DynamicSettingRule* rule, const std::string& tag,
                                               SettingLevel level, const std::optional<std::string>& value);

// Normalises an action: SET/ADD -> "SET", CLEAR/DELETE -> "CLEAR" (case-insensitive); empty when unknown.
std::string dynamic_action(const std::string& action);

// The value of one write item: SET needs a string value (a Webex-style message otherwise), CLEAR has none.
std::optional<std::string> dynamic_write_value(const nlohmann::json& item, const std::string& action,
                                               const std::string& tag, std::optional<std::string>& value);

// GET .../dynamicSettings/validationSchema and .../settingsGroups bodies, filtered by family.
nlohmann::json validation_schema_body(const State& state, const std::optional<std::string>& family);
nlohmann::json settings_groups_body(const State& state, const std::optional<std::string>& family,
                                    const std::string& include);

}  // namespace wx::emulator
