#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/device_job.h"
#include "wxphones/model/dynamic_settings.h"

namespace wx::webex_detail {

// JSON for dynamic (tag) settings, WEBEX_API.md section 8. Writes use SET/CLEAR, never the schema's
// ADD/DELETE (section 12). Values are strings; a number read back is kept as its text.

// {tags:[...]} of getSettings; `{}` when tags is empty (= all tags).
nlohmann::json get_settings_body(const std::vector<std::string>& tags);
// The tags of a getSettings response; entries without a tag are skipped.
std::vector<DynamicSetting> dynamic_settings_from_json(const nlohmann::json& body);

// PUT .../devices/{id}/dynamicSettings: {tags:[{tag, action, value?}]}.
nlohmann::json device_dynamic_settings_put_json(const std::vector<DynamicSettingChange>& changes);
// POST .../jobs/devices/dynamicDeviceSettings: {locationId?, tags:[{familyOrModelDisplayName, tag,
// action, value?}]}; locationId is omitted for the organisation (as wxc_sdk does).
nlohmann::json dynamic_settings_job_json(const DynamicSettingsJobRequest& request);

}  // namespace wx::webex_detail
