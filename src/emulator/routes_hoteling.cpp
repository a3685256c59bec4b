// PUT /telephony/config/people/{personId}/devices/settings/hoteling ({hoteling:{...}}) and
// PUT /telephony/config/workspaces/{workspaceId}/devices (flat body), WEBEX_API §6.12.
#include <httplib.h>

#include "emulator/config_routes.h"
#include "emulator/errors.h"
#include "emulator/hoteling.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

// Validates once, then writes every owned phone: all or nothing.
void apply_to_owned(Context& ctx, const nlohmann::json& flat, const std::string& person_uuid,
                    const std::string& workspace_uuid) {
  Hoteling parsed;
  if (auto error = parse_hoteling(flat, parsed, true)) {
    send_error(ctx.res, 400, *error);
    return;
  }
  for (auto& d : ctx.state.org.devices) {
    bool owned = person_uuid.empty() ? d.workspace_uuid == workspace_uuid : d.person_uuid == person_uuid;
    if (!owned) continue;
    Hoteling h = d.hoteling;
    parse_hoteling(flat, h, true);  // cannot fail: same body
    d.hoteling = h;
  }
  ctx.send_no_content();
}

void put_person_hoteling(Context& ctx) {
  const Person* p = ctx.state.person_by_id(ctx.param("personId"));
  if (p == nullptr) {
    send_error(ctx.res, 404, "Person not found.");
    return;
  }
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object() || !body->contains("hoteling")) {
    send_error(ctx.res, 400, "The body must be {\"hoteling\": {enabled, limitGuestUse, guestHoursLimit}}.");
    return;
  }
  apply_to_owned(ctx, (*body)["hoteling"], p->uuid, {});
}

void put_workspace_devices(Context& ctx) {
  const Workspace* w = ctx.state.workspace_by_id(ctx.param("workspaceId"));
  if (w == nullptr) {
    send_error(ctx.res, 404, "Workspace not found.");
    return;
  }
  auto body = ctx.json_body();
  if (!body) return;
  if (body->is_object() && body->contains("hoteling") && !body->contains("enabled")) {
    // The person endpoint's wrapped form sent here by mistake: say so rather than "enabled is required".
    send_error(ctx.res, 400,
               "The workspace body is flat {enabled, limitGuestUse, guestHoursLimit}, not {hoteling:{...}}.");
    return;
  }
  apply_to_owned(ctx, *body, {}, w->uuid);
}

}  // namespace

void add_hoteling_routes(Router& router) {
  router.add("PUT", "/telephony/config/people/{personId}/devices/settings/hoteling", put_person_hoteling);
  router.add("PUT", "/telephony/config/workspaces/{workspaceId}/devices", put_workspace_devices);
}

}  // namespace wx::emulator
