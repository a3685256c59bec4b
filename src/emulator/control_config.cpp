// Control API of the device-configuration families (docs/emulator-config.md): an admin's edits
// in Control Hub (drift), shared-line eligibility, and a read of what a phone carries.
#include <httplib.h>

#include "emulator/config_routes.h"
#include "emulator/device_configurations.h"
#include "emulator/errors.h"
#include "emulator/hoteling.h"
#include "emulator/members.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

Device* device_of(Context& ctx) {
  Device* d = ctx.state.device_by_mac(ctx.param("mac"));
  if (d == nullptr) d = ctx.state.device_by_id(ctx.param("mac"));
  if (d == nullptr) send_error(ctx.res, 404, "No device with MAC or id " + ctx.param("mac"));
  return d;
}

nlohmann::json device_config_json(const State& state, const Device& d) {
  auto configured = nlohmann::json::object();
  for (const auto& [key, value] : d.config.configured) configured[key] = value;
  auto members = members_json(state, d);
  return {{"mac", d.mac},
          {"deviceId", make_id("DEVICE", d.uuid)},
          {"configurations", configured},
          {"members", members["members"]},
          {"maxLineCount", members["maxLineCount"]},
          {"hoteling", hoteling_json(d.hoteling)}};
}

void get_device_config(Context& ctx) {
  if (const Device* d = device_of(ctx)) ctx.send_json(200, device_config_json(ctx.state, *d));
}

// {KEY: value | null}: null reverts to the default. All keys are checked before any is set.
void put_configurations(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr) return;
  if (!uses_configuration_service(ctx.state, *d)) {
    send_error(ctx.res, 400, kNotConfigurationServiceMessage);
    return;
  }
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The body must be an object {KEY: value or null}.");
    return;
  }
  for (const auto& [key, value] : body->items()) {
    if (auto error = check_configuration(key, value, true)) {
      send_error(ctx.res, 400, *error);
      return;
    }
  }
  for (const auto& [key, value] : body->items()) {
    if (value.is_null()) {
      d->config.configured.erase(key);
    } else {
      d->config.configured[key] = value;
    }
  }
  ctx.send_json(200, device_config_json(ctx.state, *d));
}

// Same body and checks as the API, without the availability check.
void put_members(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr) return;
  auto body = ctx.json_body();
  if (!body) return;
  std::vector<MemberLine> lines;
  if (auto error = parse_members(ctx.state, *d, *body, false, lines)) {
    send_error(ctx.res, 400, *error);
    return;
  }
  d->config.members = std::move(lines);
  ctx.send_json(200, device_config_json(ctx.state, *d));
}

void set_owner_hoteling(Context& ctx, const std::string& person_uuid, const std::string& workspace_uuid) {
  auto body = ctx.json_body();
  if (!body) return;
  Hoteling probe;
  if (auto error = parse_hoteling(*body, probe, false)) {
    send_error(ctx.res, 400, *error);
    return;
  }
  auto devices = nlohmann::json::array();
  for (auto& d : ctx.state.org.devices) {
    bool owned = person_uuid.empty() ? d.workspace_uuid == workspace_uuid : d.person_uuid == person_uuid;
    if (!owned) continue;
    parse_hoteling(*body, d.hoteling, false);  // checked above
    devices.push_back({{"mac", d.mac}, {"hoteling", hoteling_json(d.hoteling)}});
  }
  ctx.send_json(200, {{"devices", devices}});
}

void set_eligibility(Context& ctx, const std::string& uuid) {
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object() || !body->contains("sharedLineEligible") ||
      !(*body)["sharedLineEligible"].is_boolean()) {
    send_error(ctx.res, 400, "The body must be {\"sharedLineEligible\": true|false}.");
    return;
  }
  ctx.state.org.config.extras[uuid].shared_line_eligible = (*body)["sharedLineEligible"].get<bool>();
  ctx.send_json(200, {{"sharedLineEligible", ctx.state.org.config.extras[uuid].shared_line_eligible}});
}

Person* person_of(Context& ctx) {
  Person* p = ctx.state.person_by_email(ctx.param("email"));
  if (p == nullptr) send_error(ctx.res, 404, "No person with email " + ctx.param("email"));
  return p;
}

Workspace* workspace_of(Context& ctx) {
  Workspace* w = ctx.state.workspace_by_name(ctx.param("name"));
  if (w == nullptr) send_error(ctx.res, 404, "No workspace named " + ctx.param("name"));
  return w;
}

}  // namespace

void add_config_control_routes_impl(Router& router) {
  router.add("GET", "/_emulator/devices/{mac}/config", get_device_config);
  router.add("PUT", "/_emulator/devices/{mac}/configurations", put_configurations);
  router.add("PUT", "/_emulator/devices/{mac}/members", put_members);
  router.add("PUT", "/_emulator/people/{email}/hoteling", [](Context& ctx) {
    if (Person* p = person_of(ctx)) set_owner_hoteling(ctx, p->uuid, {});
  });
  router.add("PUT", "/_emulator/workspaces/{name}/hoteling", [](Context& ctx) {
    if (Workspace* w = workspace_of(ctx)) set_owner_hoteling(ctx, {}, w->uuid);
  });
  router.add("PUT", "/_emulator/people/{email}/eligibility", [](Context& ctx) {
    if (Person* p = person_of(ctx)) set_eligibility(ctx, p->uuid);
  });
  router.add("PUT", "/_emulator/workspaces/{name}/eligibility", [](Context& ctx) {
    if (Workspace* w = workspace_of(ctx)) set_eligibility(ctx, w->uuid);
  });
}

}  // namespace wx::emulator
