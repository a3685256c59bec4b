#pragma once
// Owned by the settings work (customizations at every scope, dynamic settings, settings jobs,
// compression). state.h embeds these structs in Device and Org.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "wxphones/model/dynamic_settings.h"

namespace wx::emulator {

class JobAction;  // jobs.h

// A dynamic setting is named by (familyOrModelDisplayName, tag); values are always strings.
using DynamicKey = std::pair<std::string, std::string>;
using DynamicValues = std::map<DynamicKey, std::string>;

struct DeviceSettingsState {
  // Customizations (WEBEX_API §6.6): the device's own values are used only when custom_enabled;
  // they are laid over the location's effective values, so a partial object is complete on read.
  bool custom_enabled = false;
  nlohmann::json customizations = nlohmann::json::object();  // {mpp|ata|wifi: {...}} as stored
  std::optional<std::int64_t> last_update_ms;
  // Dynamic settings set at device level, by tag (the device has one family).
  std::map<std::string, std::string> dynamic;
  std::optional<std::int64_t> dynamic_update_ms;
  // What tests assert on: how often the API asked this phone to fetch its config or rebuild.
  int apply_changes_count = 0;
  int rebuild_count = 0;
};

struct LocationSettings {
  bool custom_enabled = false;  // false: reads return the org values
  nlohmann::json customizations = nlohmann::json::object();
  std::optional<std::int64_t> last_update_ms;
  DynamicValues dynamic;
  std::optional<std::int64_t> dynamic_update_ms;
};

struct OrgSettingsState {
  // All four families (ata, dect, mpp, wifi); the seed's overlay on the spec example's values.
  nlohmann::json customizations = nlohmann::json::object();
  std::int64_t last_update_ms = 0;
  std::map<std::string, LocationSettings> locations;         // by location uuid; absent = defaults
  std::map<std::string, std::string> person_compression;     // person uuid -> ON|OFF
  std::map<std::string, std::string> workspace_compression;  // workspace uuid -> ON|OFF

  // Dynamic settings: the validationSchema body served, its parsed rules, the settingsGroups
  // body (null = derived from the schema), SYSTEM_DEFAULT values set by the seed, org overrides.
  nlohmann::json validation_schema = nlohmann::json::object();
  DynamicSettingsSchema schema;
  nlohmann::json settings_groups;
  DynamicValues dynamic_defaults;
  DynamicValues dynamic;
  std::int64_t dynamic_update_ms = 0;

  // What each device job does, by job uuid (jobs.h). Kept here rather than in DeviceJob so that
  // state.h keeps its shape; the job engine is the only reader.
  std::map<std::string, std::shared_ptr<JobAction>> job_actions;
};

}  // namespace wx::emulator
