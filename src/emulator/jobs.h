#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/state.h"

namespace wx::emulator {

// The device job engine (WEBEX_API §6.9) on the emulated clock. A job is STARTING for
// job_timing.start_delay, then STARTED while it processes its devices one by one, evenly spread
// over max(minDuration, devices x durationPerDevice), then COMPLETED (exit COMPLETED, or
// COMPLETED_WITH_ERRORS when some devices failed) or FAILED (every device failed). Progress is
// played lazily by settle_jobs(), called from settle() before every request (no timer thread).
// All functions assume the caller holds state.mutex.

// Whether a device job of any family is unfinished: Webex runs one per org (a new POST is a 409).
bool device_job_running(const State& state);

// Queues a job over `device_uuids`; applying to one device sets its layout to `target` (with the
// device's KEM keys kept when keep_kem). Returns the stored job.
DeviceJob& start_layout_job(State& state, std::string family, std::string name,
                            std::vector<std::string> device_uuids, Layout target, bool keep_kem);

void settle_jobs(State& state);

// The job object of GET .../{jobId} (and of the POST answer and list items).
nlohmann::json job_json(const State& state, const DeviceJob& job);
// GET .../{jobId}/errors: {items:[{itemNumber, item, trackingId, errorType, error:{key, message[]}}]}.
nlohmann::json job_errors_json(const DeviceJob& job);

// "PT11.476S", the ISO 8601 durations of timeElapsed.
std::string iso_duration(std::int64_t ms);

}  // namespace wx::emulator
