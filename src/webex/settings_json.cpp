#include "settings_json.h"

#include "live_json.h"

namespace wx::webex_detail {

ScopeCustomizations scope_customizations_from_json(const nlohmann::json& body) {
  ScopeCustomizations out;
  out.custom_enabled = bool_of(body, "customEnabled");
  out.update_in_progress = bool_of(body, "updateInProgress").value_or(false);
  if (body.is_object()) {
    auto it = body.find("customizations");
    if (it != body.end() && it->is_object()) {
      out.customizations = *it;
    }
  }
  return out;
}

nlohmann::json device_customizations_put_json(const ScopeCustomizations& body) {
  return {
      {"customizations", body.customizations.is_object() ? body.customizations : nlohmann::json::object()},
      {"customEnabled", body.custom_enabled.value_or(true)}};
}

OwnerDeviceSettings owner_device_settings_from_json(const nlohmann::json& body) {
  return OwnerDeviceSettings{string_of(body, "compression")};
}

nlohmann::json owner_device_settings_json(const OwnerDeviceSettings& body) {
  return {{"compression", body.compression}};
}

nlohmann::json hoteling_json(const Hoteling& hoteling) {
  nlohmann::json out = nlohmann::json::object();
  if (hoteling.enabled) {
    out["enabled"] = *hoteling.enabled;
  }
  if (hoteling.limit_guest_use) {
    out["limitGuestUse"] = *hoteling.limit_guest_use;
  }
  if (hoteling.guest_hours_limit) {
    out["guestHoursLimit"] = *hoteling.guest_hours_limit;
  }
  return out;
}

Hoteling hoteling_from_json(const nlohmann::json& object) {
  Hoteling out;
  out.enabled = bool_of(object, "enabled").value_or(false);
  out.limit_guest_use = bool_of(object, "limitGuestUse").value_or(false);
  out.guest_hours_limit = int_of(object, "guestHoursLimit");
  return out;
}

nlohmann::json device_settings_job_json(const DeviceSettingsJobRequest& request) {
  nlohmann::json out = nlohmann::json::object();
  if (!request.location_id.empty()) {  // absent = the whole organisation
    out["locationId"] = request.location_id;
    if (request.location_customizations_enabled) {
      out["locationCustomizationsEnabled"] = *request.location_customizations_enabled;
    }
  }
  const bool reset_location =
      !request.location_id.empty() && request.location_customizations_enabled == false;
  if (!reset_location) {
    out["customizations"] =
        request.customizations.is_object() ? request.customizations : nlohmann::json::object();
  }
  return out;
}

}  // namespace wx::webex_detail
