// /people (webex-people.yml): lookups by email, id, display name, location.
#include <httplib.h>

#include "emulator/errors.h"
#include "emulator/pagination.h"
#include "emulator/routes.h"
#include "emulator/state.h"
#include "emulator/text.h"

namespace wx::emulator {

namespace {

constexpr std::size_t kMaxIds = 85;

nlohmann::json person_json(const State& state, const Person& p) {
  nlohmann::json j = {
      {"id", make_id("PEOPLE", p.uuid)},
      {"emails", {p.email}},
      {"phoneNumbers", nlohmann::json::array()},
      {"displayName", p.display_name},
      {"nickName", p.first_name},
      {"firstName", p.first_name},
      {"lastName", p.last_name},
      {"orgId", state.org_id()},
      {"locationId", make_id("LOCATION", p.location_uuid)},
      {"created", iso8601(p.created_ms)},
      {"lastModified", iso8601(p.created_ms)},
      {"invitePending", "false"},
      {"loginEnabled", "true"},
      {"type", "person"},
  };
  if (!p.extension.empty()) j["extension"] = p.extension;
  return j;
}

void list_people(Context& ctx) {
  std::vector<std::string> ids;
  if (auto v = ctx.query("id")) ids = split_commas({*v});
  if (ids.size() > kMaxIds) {
    send_error(ctx.res, 400, "At most 85 ids can be given.");
    return;
  }
  auto email = ctx.query("email");
  auto display_name = ctx.query("displayName");
  auto location = ctx.query("locationId");
  std::optional<std::string> location_uuid;
  if (location) location_uuid = uuid_of(*location, "LOCATION").value_or("-");

  std::vector<const Person*> selected;
  auto not_found = nlohmann::json::array();
  if (!ids.empty()) {
    for (const auto& id : ids) {
      const Person* p = ctx.state.person_by_id(id);
      if (p == nullptr) not_found.push_back(id);
    }
  }
  for (const auto& p : ctx.state.org.people) {
    if (!ids.empty()) {
      bool wanted = false;
      for (const auto& id : ids) {
        auto uuid = uuid_of(id, "PEOPLE", "PERSON");
        wanted = wanted || (uuid && iequals(*uuid, p.uuid));
      }
      if (!wanted) continue;
    }
    if (email && !iequals(*email, p.email)) continue;
    if (display_name && !istarts_with(p.display_name, *display_name)) continue;
    if (location_uuid && !iequals(*location_uuid, p.location_uuid)) continue;
    selected.push_back(&p);
  }
  // The spec's own limits: 100 with callingData, 50 with locationId.
  PageLimits limits = kPeoplePaging;
  if (ctx.query("callingData").value_or("false") == "true") limits.limit = 100;
  if (location) limits.limit = 50;
  nlohmann::json extra = nlohmann::json::object();
  if (!ids.empty()) extra["notFoundIds"] = not_found;
  send_page(
      ctx, selected.size(), [&](std::size_t i) { return person_json(ctx.state, *selected[i]); }, limits,
      "items", extra);
}

void get_person(Context& ctx) {
  const Person* p = ctx.state.person_by_id(ctx.param("personId"));
  if (p == nullptr) {
    send_error(ctx.res, 404, "Person not found.");
    return;
  }
  ctx.send_json(200, person_json(ctx.state, *p));
}

}  // namespace

void add_people_routes(Router& router) {
  router.add("GET", "/people", list_people);
  router.add("GET", "/people/{personId}", get_person);
}

}  // namespace wx::emulator
