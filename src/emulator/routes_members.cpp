// GET/PUT /telephony/config/devices/{deviceId}/members, available members and their counts
// (WEBEX_API §6.3, §6.4, §11.8).
#include <algorithm>

#include <httplib.h>

#include "emulator/config_routes.h"
#include "emulator/errors.h"
#include "emulator/members.h"
#include "emulator/pagination.h"
#include "emulator/state.h"
#include "emulator/text.h"

namespace wx::emulator {

namespace {

// The spec's default max is 2000 (availableMembers); no limit is documented (assumption).
constexpr PageLimits kMembersPaging{2000, 2000};

Device* member_device(Context& ctx) {
  Device* d = ctx.state.device_by_id(ctx.param("deviceId"));  // either id form
  if (d == nullptr) send_error(ctx.res, 404, "Device not found.");
  return d;
}

void get_members(Context& ctx) {
  if (const Device* d = member_device(ctx)) ctx.send_json(200, members_json(ctx.state, *d));
}

void put_members(Context& ctx) {
  Device* d = member_device(ctx);
  if (d == nullptr) return;
  auto body = ctx.json_body();
  if (!body) return;
  std::vector<MemberLine> lines;
  if (auto error = parse_members(ctx.state, *d, *body, true, lines)) {
    send_error(ctx.res, 400, *error);
    return;
  }
  d->config.members = std::move(lines);
  ctx.send_no_content();
}

// The filters shared by the list and both counts. On a bad parameter sends 400, returns false.
struct MemberQuery {
  std::optional<std::string> name, phone, extension, location_uuid;
  bool shared_line = true;  // usageType SHARED_LINE (default) | DEVICE_OWNER
  bool by_first_name = false;

  bool parse(Context& ctx) {
    name = ctx.query("memberName");
    phone = ctx.query("phoneNumber");
    extension = ctx.query("extension");
    if (auto id = ctx.query("locationId")) {
      const Location* l = ctx.state.location_by_id(*id);
      if (l == nullptr) return fail(ctx, "Invalid locationId '" + *id + "'.");
      location_uuid = l->uuid;
    }
    if (auto usage = ctx.query("usageType")) {
      if (*usage != "SHARED_LINE" && *usage != "DEVICE_OWNER") {
        return fail(ctx, "Invalid usageType '" + *usage + "': expected DEVICE_OWNER or SHARED_LINE.");
      }
      shared_line = *usage == "SHARED_LINE";
    }
    if (auto order = ctx.query("order")) {
      if (*order != "lname" && *order != "fname")
        return fail(ctx, "Invalid order '" + *order + "': expected lname or fname.");
      by_first_name = *order == "fname";
    }
    return true;
  }

  bool matches(const Candidate& c) const {
    // Shared-line eligibility only limits SHARED_LINE searches (assumption, docs/emulator-config.md).
    if (shared_line && !c.eligible) return false;
    if (name && !icontains(c.first_name, *name) && !icontains(c.last_name, *name) &&
        !icontains(c.display_name, *name)) {
      return false;
    }
    if (phone && (c.phone_number.empty() || !icontains(c.phone_number, *phone))) return false;
    if (extension && (c.extension.empty() || !icontains(c.extension, *extension))) return false;
    if (location_uuid && c.location_uuid != *location_uuid) return false;
    return true;
  }

  static bool fail(Context& ctx, const std::string& message) {
    send_error(ctx.res, 400, message);
    return false;
  }
};

std::vector<Candidate> available(const State& state, const Device* device, const MemberQuery& q) {
  std::vector<Candidate> out;
  auto lines = device != nullptr ? members_of(state, *device) : std::vector<MemberLine>{};
  for (auto& c : candidates(state)) {
    bool on_device =
        std::any_of(lines.begin(), lines.end(), [&](const MemberLine& m) { return m.member_uuid == c.uuid; });
    if (!on_device && q.matches(c)) out.push_back(std::move(c));
  }
  auto key = [&](const Candidate& c) {
    return q.by_first_name ? std::make_pair(to_lower(c.first_name), to_lower(c.last_name))
                           : std::make_pair(to_lower(c.last_name), to_lower(c.first_name));
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Candidate& a, const Candidate& b) { return key(a) < key(b); });
  return out;
}

void list_available(Context& ctx) {
  const Device* d = member_device(ctx);
  MemberQuery q;
  if (d == nullptr || !q.parse(ctx)) return;
  std::vector<nlohmann::json> items;
  for (const auto& c : available(ctx.state, d, q)) items.push_back(candidate_json(ctx.state, c));
  send_page(ctx, items, kMembersPaging, "members");
}

void count_available(Context& ctx) {
  const Device* d = member_device(ctx);
  MemberQuery q;
  if (d == nullptr || !q.parse(ctx)) return;
  ctx.send_json(200, {{"totalCount", available(ctx.state, d, q).size()}});
}

void count_org_available(Context& ctx) {
  MemberQuery q;
  if (!q.parse(ctx)) return;
  if (auto v = ctx.query("excludeVirtualLine"); v && *v != "true" && *v != "false") {
    send_error(ctx.res, 400, "Invalid excludeVirtualLine '" + *v + "': expected true or false.");
    return;
  }
  // The emulator has no virtual lines, and any member may share a line on a phone of any
  // location of the org (assumption): deviceLocationId is checked, not used as a filter.
  if (auto id = ctx.query("deviceLocationId"); id && ctx.state.location_by_id(*id) == nullptr) {
    send_error(ctx.res, 400, "Invalid deviceLocationId '" + *id + "'.");
    return;
  }
  ctx.send_json(200, {{"totalCount", available(ctx.state, nullptr, q).size()}});
}

}  // namespace

void add_member_routes(Router& router) {
  router.add("GET", "/telephony/config/devices/{deviceId}/members", get_members);
  router.add("PUT", "/telephony/config/devices/{deviceId}/members", put_members);
  router.add("GET", "/telephony/config/devices/{deviceId}/availableMembers", list_available);
  router.add("GET", "/telephony/config/devices/{deviceId}/availableMembers/count", count_available);
  router.add("GET", "/telephony/config/devices/availableMembers/count", count_org_available);
}

}  // namespace wx::emulator
