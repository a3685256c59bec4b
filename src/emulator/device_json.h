#pragma once
#include <nlohmann/json.hpp>

#include "emulator/state.h"

namespace wx::emulator {

// The three views Webex gives of one phone. Field choices follow the OpenAPI examples and
// WEBEX_API §5, §6.2, §6.12 (see docs/emulator.md).

// GET /devices item: DEVICE id, callingDeviceId, webexDeviceId, product = display name,
// plannedMaintenance as the string "off" (§12), firstSeen/lastSeen only once online.
nlohmann::json devices_api_json(const State& state, const Device& device);

// GET /telephony/config/devices/{id}: CALLING_DEVICE id, description = tags,
// activationState lower-case and only for activation-code phones.
nlohmann::json telephony_device_json(const State& state, const Device& device);

// One entry of GET /telephony/config/{people|workspaces}/{id}/devices. The two schemas differ in
// the case of activationState (people: lower-case, workspaces: upper-case) and in modelType.
enum class OwnerListing { People, Workspaces };
nlohmann::json owner_device_json(const State& state, const Device& device, OwnerListing listing);

}  // namespace wx::emulator
