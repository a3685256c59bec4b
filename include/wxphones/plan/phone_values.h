#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"

namespace wx {

// The normalised value of a phone as plans show it (before/after), the same shape on both sides:
// {"model", "mac", "onboarding", "owner": {"person"|"workspace"|"id"}, "tags"}.
nlohmann::json desired_phone_value(const DesiredPhone& phone, const LiveState& live);
nlohmann::json live_phone_value(const LiveDevice& device, const LiveState& live);

// "activating", "disconnected since creation", ... for notes and wait messages.
std::string describe_status(const LiveDevice& device);

}  // namespace wx
