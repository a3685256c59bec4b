#pragma once
// The settings device jobs (WEBEX_API §6.10, §6.11, §8): callDeviceSettings (org/location
// customizations), dynamicDeviceSettings (org/location dynamic settings) and rebuildPhones. They run
// on the shared engine (jobs.h); their reads are registered with the other families in
// routes_device_jobs.cpp. All functions assume the caller holds state.mutex.
#include <optional>
#include <string>

#include "emulator/router.h"
#include "emulator/state.h"

namespace wx::emulator {

inline constexpr const char* kCallDeviceSettingsFamily = "callDeviceSettings";
inline constexpr const char* kDynamicSettingsFamily = "dynamicDeviceSettings";
inline constexpr const char* kRebuildPhonesFamily = "rebuildPhones";

// updateInProgress of a scope (location nullopt = org): an unfinished job of `family` changes it.
// The org reads true for any such job; a location for an org-wide job or one on itself.
bool update_in_progress(const State& state, const std::string& family,
                        const std::optional<std::string>& location_uuid);

// The POST routes of the three families.
void add_settings_job_routes(Router& router);

}  // namespace wx::emulator
