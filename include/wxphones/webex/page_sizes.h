#pragma once

namespace wx::page_size {

// The largest `max` each list endpoint accepts, in one place. When `max` exceeds an endpoint's limit,
// Webex uses its own limit and still sends Link rel="next" (WEBEX_API.md section 2), so an optimistic
// value costs nothing; a small one costs round trips.
//
// The OpenAPI descriptions state only some limits: /people is capped at 100 with callingData=true and at
// 50 with locationId (neither is used here). /devices, /workspaces and /locations state no maximum; 1000
// is the largest value Webex's public documentation and wxc_sdk use for them [GK, unverified].
inline constexpr int kDevices = 1000;
inline constexpr int kPeople = 1000;
inline constexpr int kPeopleWithCallingData = 100;
inline constexpr int kPeopleWithLocation = 50;
inline constexpr int kWorkspaces = 1000;
inline constexpr int kLocations = 1000;

// callDeviceSettings and dynamicDeviceSettings job lists and their /errors lists: the spec's default and
// the largest value it names. applyLineKeyTemplate and rebuildPhones lists are not paged.
inline constexpr int kDeviceJobs = 2000;

// GET .../devices/{id}/availableMembers: the spec's default `max`, the largest value it names.
inline constexpr int kAvailableMembers = 2000;

// validateMacs states no batch limit; wxc_sdk's live tests send up to 200 [infer: keep well under].
inline constexpr int kValidateMacsBatch = 100;

}  // namespace wx::page_size
