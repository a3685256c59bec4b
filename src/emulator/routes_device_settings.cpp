// Customizations at every scope (WEBEX_API §6.6), person/workspace compression, applyChanges (§6.5).
#include <httplib.h>

#include "emulator/device_settings.h"
#include "emulator/errors.h"
#include "emulator/phoneos.h"
#include "emulator/routes.h"
#include "emulator/settings_jobs.h"
#include "emulator/settings_routes.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

Device* device_of(Context& ctx) {
  Device* d = ctx.state.device_by_id(ctx.param("deviceId"));  // DEVICE or CALLING_DEVICE id
  if (d == nullptr) send_error(ctx.res, 404, "Device not found.");
  return d;
}

// The family of a device with customizations; a 400 for the others (PhoneOS models use dynamic
// settings or deviceConfigurations, §6.1).
std::string family_or_400(Context& ctx, const Device& d) {
  auto family = customization_family(ctx.state, d);
  if (family.empty()) {
    send_error(ctx.res, 400,
               "Device settings are not supported for the model " + d.model +
                   "; it is configured through its deviceSettingsConfiguration API.");
  }
  return family;
}

// deviceModel (spec) or model (wxc_sdk on PUT), §12: when given it must name the device's model.
bool model_query_ok(Context& ctx, const Device& d) {
  for (const char* name : {"deviceModel", "model"}) {
    auto value = ctx.query(name);
    if (!value) continue;
    const auto* model = ctx.state.org.catalog.find(*value);
    if (model == nullptr || model->model != d.model) {
      send_error(ctx.res, 400,
                 "The " + std::string(name) + " '" + *value + "' does not match the device's model.");
      return false;
    }
  }
  return true;
}

nlohmann::json time_or_zero(const std::optional<std::int64_t>& ms) {
  return ms ? *ms : 0;
}

void get_device_settings(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr || !model_query_ok(ctx, *d)) return;
  auto family = family_or_400(ctx, *d);
  if (family.empty()) return;
  // §6.6: one family key and customEnabled; no updateInProgress nor deviceCount at device level.
  ctx.send_json(200, {{"customizations", {{family, device_customizations(ctx.state, *d)}}},
                      {"customEnabled", d->settings.custom_enabled},
                      {"lastUpdateTime", time_or_zero(d->settings.last_update_ms)}});
}

void put_device_settings(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr || !model_query_ok(ctx, *d)) return;
  auto family = family_or_400(ctx, *d);
  if (family.empty() || !require_configurable(ctx, *d)) return;
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object() || !body->contains("customEnabled") || !(*body)["customEnabled"].is_boolean()) {
    send_error(ctx.res, 400, "customEnabled is required and must be a boolean.");
    return;
  }
  const auto customizations = body->value("customizations", nlohmann::json::object());
  if (auto error = check_customizations(customizations, {family})) {
    send_error(ctx.res, 400, *error);
    return;
  }
  d->settings.custom_enabled = (*body)["customEnabled"].get<bool>();
  d->settings.customizations = customizations;
  d->settings.last_update_ms = ctx.state.clock.now_ms();
  ctx.send_no_content();
}

void get_location_settings(Context& ctx) {
  const Location* l = ctx.state.location_by_id(ctx.param("locationId"));
  if (l == nullptr) {
    send_error(ctx.res, 404, "Location not found.");
    return;
  }
  const auto& s = ctx.state.org.settings;
  auto it = s.locations.find(l->uuid);
  const auto updated =
      it != s.locations.end() && it->second.last_update_ms ? *it->second.last_update_ms : s.last_update_ms;
  // The location schema (DeviceSettingsObject -> CustomizationDeviceLevelObject) and its example list
  // only ata, mpp and wifi: the location's dect values (org or job-set) are kept but not shown here.
  auto customizations = location_customizations(ctx.state, l->uuid);
  customizations.erase("dect");
  ctx.send_json(200, {{"customizations", std::move(customizations)},
                      {"customEnabled", location_custom_enabled(ctx.state, l->uuid)},
                      {"updateInProgress", update_in_progress(ctx.state, kCallDeviceSettingsFamily, l->uuid)},
                      {"deviceCount", devices_reached(ctx.state, l->uuid).size()},
                      {"lastUpdateTime", updated}});
}

void get_org_settings(Context& ctx) {
  ctx.send_json(200,
                {{"customizations", org_customizations(ctx.state)},
                 {"updateInProgress", update_in_progress(ctx.state, kCallDeviceSettingsFamily, std::nullopt)},
                 {"deviceCount", devices_reached(ctx.state, std::nullopt).size()},
                 {"lastUpdateTime", ctx.state.org.settings.last_update_ms}});
}

std::string compression_of(const std::map<std::string, std::string>& map, const std::string& uuid) {
  auto it = map.find(uuid);
  return it == map.end() ? "OFF" : it->second;
}

void get_person_compression(Context& ctx) {
  if (const Person* p = ctx.state.person_by_id(ctx.param("personId"))) {
    ctx.send_json(200, {{"compression", compression_of(ctx.state.org.settings.person_compression, p->uuid)}});
  } else {
    send_error(ctx.res, 404, "Person not found.");
  }
}

void get_workspace_compression(Context& ctx) {
  if (const Workspace* w = ctx.state.workspace_by_id(ctx.param("workspaceId"))) {
    ctx.send_json(200,
                  {{"compression", compression_of(ctx.state.org.settings.workspace_compression, w->uuid)}});
  } else {
    send_error(ctx.res, 404, "Workspace not found.");
  }
}

void put_compression(Context& ctx, std::map<std::string, std::string>& map, const std::string& uuid) {
  auto body = ctx.json_body();
  if (!body) return;
  if (auto value = parse_compression(*body)) {
    map[uuid] = *value;
    ctx.send_no_content();
  } else {
    send_error(ctx.res, 400, "compression is required and must be ON or OFF.");
  }
}

void put_person_compression(Context& ctx) {
  if (const Person* p = ctx.state.person_by_id(ctx.param("personId"))) {
    put_compression(ctx, ctx.state.org.settings.person_compression, p->uuid);
  } else {
    send_error(ctx.res, 404, "Person not found.");
  }
}

void put_workspace_compression(Context& ctx) {
  if (const Workspace* w = ctx.state.workspace_by_id(ctx.param("workspaceId"))) {
    put_compression(ctx, ctx.state.org.settings.workspace_compression, w->uuid);
  } else {
    send_error(ctx.res, 404, "Workspace not found.");
  }
}

// §6.5: asks the phone to fetch its config. Counted per device for tests (GET /_emulator/state).
void apply_changes(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr || !require_configurable(ctx, *d)) return;
  const auto* model = ctx.state.model_of(*d);
  if (model != nullptr && !model->supports_apply_changes) {
    send_error(ctx.res, 400, "Apply changes is not supported for the model " + d->model + ".");
    return;
  }
  ++d->settings.apply_changes_count;
  ctx.send_no_content();
}

}  // namespace

std::optional<std::string> parse_compression(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("compression") || !body["compression"].is_string())
    return std::nullopt;
  auto value = body["compression"].get<std::string>();
  if (value != "ON" && value != "OFF") return std::nullopt;
  return value;
}

void add_device_settings_routes(Router& router) {
  router.add("GET", "/telephony/config/devices/{deviceId}/settings", get_device_settings);
  router.add("PUT", "/telephony/config/devices/{deviceId}/settings", put_device_settings);
  router.add("GET", "/telephony/config/locations/{locationId}/devices/settings", get_location_settings);
  router.add("GET", "/telephony/config/devices/settings", get_org_settings);
  router.add("GET", "/telephony/config/people/{personId}/devices/settings", get_person_compression);
  router.add("PUT", "/telephony/config/people/{personId}/devices/settings", put_person_compression);
  router.add("GET", "/telephony/config/workspaces/{workspaceId}/devices/settings", get_workspace_compression);
  router.add("PUT", "/telephony/config/workspaces/{workspaceId}/devices/settings", put_workspace_compression);
  router.add("POST", "/telephony/config/devices/{deviceId}/actions/applyChanges/invoke", apply_changes);
}

}  // namespace wx::emulator
