#include "emulator/device_json.h"

#include <algorithm>
#include <cctype>

namespace wx::emulator {

namespace {

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

nlohmann::json owner_json(const State& state, const Device& device) {
  if (const auto* p = state.person_by_uuid(device.person_uuid)) {
    return {{"id", make_id("PEOPLE", p->uuid)},
            {"type", "PEOPLE"},
            {"firstName", p->first_name},
            {"lastName", p->last_name}};
  }
  if (const auto* w = state.workspace_by_uuid(device.workspace_uuid)) {
    // A workspace has no first/last name; Webex puts the display name in firstName.
    return {{"id", make_id("PLACE", w->uuid)},
            {"type", "PLACE"},
            {"firstName", w->display_name},
            {"lastName", ""}};
  }
  return nullptr;
}

}  // namespace

nlohmann::json devices_api_json(const State& state, const Device& device) {
  const auto device_id = make_id("DEVICE", device.uuid);
  nlohmann::json j = {
      {"id", device_id},
      {"callingDeviceId", make_id("CALLING_DEVICE", device.uuid)},
      {"webexDeviceId", device_id},
      {"displayName", device.display_name},
      {"orgId", state.org_id()},
      {"capabilities", nlohmann::json::array()},
      {"permissions", nlohmann::json::array()},
      {"connectionStatus", device.connection_status},
      {"product", device.product},
      {"type", "phone"},
      {"tags", device.tags},
      {"serial", device.serial},
      {"created", iso8601(device.created_ms)},
      {"locationId", make_id("LOCATION", device.location_uuid)},
      {"errorCodes", nlohmann::json::array()},
      {"managedBy", "CISCO"},
      {"devicePlatform", "cisco"},
      {"plannedMaintenance", "off"},
  };
  if (!device.person_uuid.empty()) j["personId"] = make_id("PEOPLE", device.person_uuid);
  if (!device.workspace_uuid.empty()) {
    j["workspaceId"] = make_id("PLACE", device.workspace_uuid);
    j["placeId"] = j["workspaceId"];
  }
  if (!device.mac.empty()) j["mac"] = device.mac;
  if (!device.ip.empty() && device.ever_online) {
    j["ip"] = device.ip;
    j["activeInterface"] = "wired";
  }
  if (!device.software.empty()) j["software"] = device.software;
  if (device.first_seen_ms) j["firstSeen"] = iso8601(*device.first_seen_ms);
  if (device.last_seen_ms) j["lastSeen"] = iso8601(*device.last_seen_ms);
  return j;
}

nlohmann::json telephony_device_json(const State& state, const Device& device) {
  nlohmann::json j = {
      {"manufacturer", "CISCO"}, {"managedBy", "CISCO"},       {"id", make_id("CALLING_DEVICE", device.uuid)},
      {"model", device.model},   {"description", device.tags}, {"upgradeChannelEnabled", true},
  };
  if (!device.ip.empty() && device.ever_online) j["ip"] = device.ip;
  if (!device.mac.empty()) j["mac"] = device.mac;
  if (!device.activation_state.empty()) j["activationState"] = device.activation_state;
  // A line port like the example's; derived from the uuid so it is stable.
  std::string user = device.uuid.substr(0, 8);
  j["owner"] = {{"sipUserName", user},
                {"linePort", user + "@" + state.org.uuid.substr(0, 8) + ".emulator.webex.local"}};
  j["proxy"] = {{"outboundProxy", "emulator.webex.local"}};
  return j;
}

nlohmann::json owner_device_json(const State& state, const Device& device, OwnerListing listing) {
  nlohmann::json j = {
      {"id", make_id("CALLING_DEVICE", device.uuid)},
      {"description", device.tags},
      {"model", device.model},
      {"displayName", device.product},
      {"primaryOwner", true},
      {"type", "PRIMARY"},
      {"hoteling",
       {{"enabled", device.hoteling.enabled},
        {"limitGuestUse", device.hoteling.limit_guest_use},
        {"guestHoursLimit", device.hoteling.guest_hours_limit}}},
      {"owner", owner_json(state, device)},
  };
  if (listing == OwnerListing::People) {
    if (const auto* model = state.model_of(device); model != nullptr && !model->type.empty()) {
      j["modelType"] = model->type;
    }
  }
  if (!device.mac.empty()) j["mac"] = device.mac;
  if (!device.ip.empty() && device.ever_online) j["ipAddress"] = device.ip;
  if (!device.activation_state.empty()) {
    j["activationState"] =
        listing == OwnerListing::Workspaces ? upper(device.activation_state) : device.activation_state;
  }
  return j;
}

}  // namespace wx::emulator
