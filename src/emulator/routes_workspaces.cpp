// /workspaces: lookups by display name and location.
#include <httplib.h>

#include "emulator/errors.h"
#include "emulator/pagination.h"
#include "emulator/routes.h"
#include "emulator/state.h"
#include "emulator/text.h"

namespace wx::emulator {

namespace {

nlohmann::json workspace_json(const State& state, const Workspace& w) {
  return {
      {"id", make_id("PLACE", w.uuid)},
      {"orgId", state.org_id()},
      {"locationId", make_id("LOCATION", w.location_uuid)},
      {"displayName", w.display_name},
      {"type", "notSet"},
      {"created", iso8601(w.created_ms)},
      {"calling", {{"type", "webexCalling"}}},
      {"hotdeskingStatus", "off"},
      {"supportedDevices", "phones"},
      {"devicePlatform", "cisco"},
  };
}

void list_workspaces(Context& ctx) {
  auto display_name = ctx.query("displayName");
  std::optional<std::string> location_uuid;
  if (auto v = ctx.query("locationId")) location_uuid = uuid_of(*v, "LOCATION").value_or("-");
  std::vector<nlohmann::json> items;
  for (const auto& w : ctx.state.org.workspaces) {
    if (display_name && !iequals(*display_name, w.display_name)) continue;
    if (location_uuid && !iequals(*location_uuid, w.location_uuid)) continue;
    if (auto v = ctx.query("supportedDevices"); v && *v != "phones") continue;
    if (auto v = ctx.query("calling"); v && *v != "webexCalling") continue;
    items.push_back(workspace_json(ctx.state, w));
  }
  send_page(ctx, items, kWorkspacesPaging);
}

void get_workspace(Context& ctx) {
  const Workspace* w = ctx.state.workspace_by_id(ctx.param("workspaceId"));
  if (w == nullptr) {
    send_error(ctx.res, 404, "Workspace not found.");
    return;
  }
  ctx.send_json(200, workspace_json(ctx.state, *w));
}

}  // namespace

void add_workspace_routes(Router& router) {
  router.add("GET", "/workspaces", list_workspaces);
  router.add("GET", "/workspaces/{workspaceId}", get_workspace);
}

}  // namespace wx::emulator
