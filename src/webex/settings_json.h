#pragma once
#include <nlohmann/json.hpp>

#include "wxphones/model/customizations.h"
#include "wxphones/model/device_job.h"
#include "wxphones/model/hoteling.h"

namespace wx::webex_detail {

// JSON for device customizations at every scope, person/workspace device settings, hoteling and the
// callDeviceSettings job body (WEBEX_API.md sections 6.6, 6.10, 6.12). Readers are tolerant (unknown
// families and keys pass through untouched); the callers reject a body that is not an object.

// GET .../settings at device, location or org level: customEnabled is absent at org level.
ScopeCustomizations scope_customizations_from_json(const nlohmann::json& body);
// PUT .../devices/{id}/settings: both members are required by the schema; a device-level write means
// "customized here", so an unset custom_enabled is sent as true.
nlohmann::json device_customizations_put_json(const ScopeCustomizations& body);

OwnerDeviceSettings owner_device_settings_from_json(const nlohmann::json& body);
nlohmann::json owner_device_settings_json(const OwnerDeviceSettings& body);  // {compression}

// The flat {enabled, limitGuestUse, guestHoursLimit}: the workspace PUT body as is, the person PUT
// wraps it in {hoteling:...}. Fields left nullopt are not sent.
nlohmann::json hoteling_json(const Hoteling& hoteling);
// A live read is complete: enabled and limitGuestUse absent read as false; guestHoursLimit stays
// unset when absent (Webex gives it only with limitGuestUse).
Hoteling hoteling_from_json(const nlohmann::json& object);

// {locationId?, locationCustomizationsEnabled?, customizations?}: customizations are left out when a
// location is reset to the org settings (locationCustomizationsEnabled false), as wxc_sdk does.
nlohmann::json device_settings_job_json(const DeviceSettingsJobRequest& request);

}  // namespace wx::webex_detail
