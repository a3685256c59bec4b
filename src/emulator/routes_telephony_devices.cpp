// /telephony/config/devices/{id}, person and workspace device listings, validateMacs
// (WEBEX_API §6.2, §6.12, §6.13). Listings include the phones where the person or workspace has
// a shared line (members), with type SHARED_CALL_APPEARANCE.
#include <map>
#include <vector>

#include <httplib.h>

#include "emulator/device_json.h"
#include "emulator/errors.h"
#include "emulator/routes.h"
#include "emulator/state.h"
#include "wxphones/util/mac.h"

namespace wx::emulator {

namespace {

// Not documented; a Professional licence allows several devices (assumption, docs/emulator.md).
constexpr int kMaxDeviceCount = 5;

void get_calling_device(Context& ctx) {
  // Both id forms are accepted here, and phones hidden from /devices are visible (§9).
  Device* d = ctx.state.device_by_id(ctx.param("deviceId"));
  if (d == nullptr) {
    send_error(ctx.res, 404, "Device not found.");
    return;
  }
  ctx.send_json(200, telephony_device_json(ctx.state, *d));
}

// Owned phones (PRIMARY) first, then phones where the person or workspace has a shared line.
std::vector<nlohmann::json> owner_devices(const State& state, OwnerListing listing,
                                          const std::string& person_uuid, const std::string& workspace_uuid) {
  std::vector<nlohmann::json> owned;
  std::vector<nlohmann::json> shared;
  const std::string& member = listing == OwnerListing::People ? person_uuid : workspace_uuid;
  for (const auto& d : state.org.devices) {
    bool is_owner =
        listing == OwnerListing::People ? d.person_uuid == person_uuid : d.workspace_uuid == workspace_uuid;
    if (is_owner) {
      owned.push_back(owner_device_json(state, d, listing));
      continue;
    }
    for (const auto& line : d.config.members) {
      if (line.member_uuid != member || line.primary_owner) continue;
      auto j = owner_device_json(state, d, listing);  // owner{} stays the phone's owner
      j["primaryOwner"] = false;
      j["type"] = "SHARED_CALL_APPEARANCE";
      shared.push_back(std::move(j));
      break;
    }
  }
  owned.insert(owned.end(), shared.begin(), shared.end());
  return owned;
}

nlohmann::json owner_listing(const State& state, OwnerListing listing, const std::string& person_uuid,
                             const std::string& workspace_uuid) {
  auto devices = owner_devices(state, listing, person_uuid, workspace_uuid);
  return {
      {"devices", devices}, {"maxDeviceCount", kMaxDeviceCount}, {"maxOwnedDeviceCount", kMaxDeviceCount}};
}

void person_devices(Context& ctx) {
  const Person* p = ctx.state.person_by_id(ctx.param("personId"));
  if (p == nullptr) {
    send_error(ctx.res, 404, "Person not found.");
    return;
  }
  ctx.send_json(200, owner_listing(ctx.state, OwnerListing::People, p->uuid, {}));
}

// The emulator has no soft clients, so applicationsCount is always 0 (assumption).
void person_device_count(Context& ctx) {
  const Person* p = ctx.state.person_by_id(ctx.param("personId"));
  if (p == nullptr) {
    send_error(ctx.res, 404, "Person not found.");
    return;
  }
  auto devices = owner_devices(ctx.state, OwnerListing::People, p->uuid, {});
  ctx.send_json(200, {{"totalDeviceCount", devices.size()}, {"applicationsCount", 0}});
}

void workspace_devices(Context& ctx) {
  const Workspace* w = ctx.state.workspace_by_id(ctx.param("workspaceId"));
  if (w == nullptr) {
    send_error(ctx.res, 404, "Workspace not found.");
    return;
  }
  ctx.send_json(200, owner_listing(ctx.state, OwnerListing::Workspaces, {}, w->uuid));
}

void validate_macs(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object() || !body->contains("macs") || !(*body)["macs"].is_array()) {
    send_error(ctx.res, 400, "macs is required.");
    return;
  }
  auto statuses = nlohmann::json::array();
  std::map<std::string, int> seen;
  bool all_ok = true;
  for (const auto& item : (*body)["macs"]) {
    std::string text = item.is_string() ? item.get<std::string>() : item.dump();
    nlohmann::json status = {{"mac", text}};
    auto mac = item.is_string() ? normalize_mac(text) : std::nullopt;
    if (!mac) {
      status["state"] = "INVALID";
      status["errorCode"] = 25220;
      status["message"] = "Invalid MAC address " + text + ".";
    } else if (seen[*mac]++ > 0) {
      status["state"] = "DUPLICATE_IN_LIST";
      status["errorCode"] = 5676;
      status["message"] = "[Error 5676] MAC Address is duplicated in the list.";
    } else if (ctx.state.device_by_mac(*mac) != nullptr) {
      status["state"] = "UNAVAILABLE";
      status["errorCode"] = 5675;
      status["message"] = "[Error 5675] MAC Address is in use.";
    } else {
      status["state"] = "AVAILABLE";
    }
    all_ok = all_ok && status["state"] == "AVAILABLE";
    statuses.push_back(std::move(status));
  }
  ctx.send_json(200, {{"status", all_ok ? "OK" : "ERRORS"}, {"macStatus", statuses}});
}

}  // namespace

void add_telephony_device_routes(Router& router) {
  router.add("GET", "/telephony/config/devices/{deviceId}", get_calling_device);
  router.add("GET", "/telephony/config/people/{personId}/devices", person_devices);
  router.add("GET", "/telephony/config/workspaces/{workspaceId}/devices", workspace_devices);
  router.add("GET", "/telephony/config/people/{personId}/devices/count", person_device_count);
  router.add("POST", "/telephony/config/devices/actions/validateMacs/invoke", validate_macs);
}

}  // namespace wx::emulator
