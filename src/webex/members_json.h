#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/device_members.h"

namespace wx::webex_detail {

// JSON for device members and available members (WEBEX_API.md sections 6.3, 6.4).

// GET .../members; members sorted by port (as wxc_sdk does), entries without an id skipped.
DeviceMembers device_members_from_json(const nlohmann::json& body);
DeviceMember device_member_from_json(const nlohmann::json& member);

// PUT .../members: {members:[{id, port, primaryOwner, lineType, lineWeight, hotlineEnabled,
// hotlineDestination, allowCallDeclineEnabled, lineLabel?, t38FaxCompressionEnabled}]}. The schema
// requires hotlineDestination; it is sent only with the hotline on (the spec example sends "" then).
nlohmann::json device_members_put_json(const std::vector<DeviceMember>& members);

AvailableMember available_member_from_json(const nlohmann::json& member);

}  // namespace wx::webex_detail
