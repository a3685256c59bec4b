// /locations: the list with its name filter, and one location.
#include <httplib.h>

#include "emulator/errors.h"
#include "emulator/pagination.h"
#include "emulator/routes.h"
#include "emulator/state.h"
#include "emulator/text.h"

namespace wx::emulator {

namespace {

// Shaped like the operation's example. Its schema is a workspace-location schema (address as a
// string, numeric latitude), a mistake of the description; `address` appears only when seeded.
nlohmann::json location_json(const State& state, const Location& l) {
  nlohmann::json j = {
      {"id", make_id("LOCATION", l.uuid)},
      {"name", l.name},
      {"orgId", state.org_id()},
      {"timeZone", l.time_zone},
      {"preferredLanguage", l.preferred_language},
  };
  if (l.address.is_object()) j["address"] = l.address;
  return j;
}

void list_locations(Context& ctx) {
  auto name = ctx.query("name");
  std::optional<std::string> uuid;
  if (auto v = ctx.query("id")) uuid = uuid_of(*v, "LOCATION").value_or("-");
  std::vector<nlohmann::json> items;
  for (const auto& l : ctx.state.org.locations) {
    if (name && !icontains(l.name, *name)) continue;  // "contains, case-insensitive" per the spec
    if (uuid && !iequals(*uuid, l.uuid)) continue;
    items.push_back(location_json(ctx.state, l));
  }
  send_page(ctx, items, kLocationsPaging);
}

void get_location(Context& ctx) {
  const Location* l = ctx.state.location_by_id(ctx.param("locationId"));
  if (l == nullptr) {
    send_error(ctx.res, 404, "Location not found.");
    return;
  }
  ctx.send_json(200, location_json(ctx.state, *l));
}

}  // namespace

void add_location_routes(Router& router) {
  router.add("GET", "/locations", list_locations);
  router.add("GET", "/locations/{locationId}", get_location);
}

}  // namespace wx::emulator
