#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/router.h"
#include "emulator/state.h"

namespace wx::emulator {

// The device job engine (WEBEX_API §6.9) on the emulated clock, shared by every device job family
// (applyLineKeyTemplate, callDeviceSettings, dynamicDeviceSettings, rebuildPhones). A job is
// STARTING for job_timing.start_delay, then STARTED while it processes its devices one by one,
// evenly spread over max(minDuration, devices x durationPerDevice), then COMPLETED (exit COMPLETED,
// or COMPLETED_WITH_ERRORS when some devices failed) or FAILED (every device failed). Progress is
// played lazily by settle_jobs(), called from settle() before every request (no timer thread).
// A device with a jobFailure (control API) fails in every family; so does a PhoneOS phone that was
// never online (§13). All functions assume the caller holds state.mutex.

// What a job does. One subclass per family; the engine owns the instance for the job's lifetime.
class JobAction {
 public:
  virtual ~JobAction() = default;
  // Applies the job to one device; a returned failure is listed by GET .../errors.
  virtual std::optional<JobFailure> apply(State& state, Device& device) = 0;
  // Runs once at the end unless every device failed: scope-level changes land here, so reads
  // during the job still show the old values.
  virtual void complete(State&) {}
  // The family's own fields of the job object (jobType, target, locationId, deviceCount...).
  virtual void describe(const State& state, const DeviceJob& job, nlohmann::json& out) const = 0;
  // stepExecutionStatuses[].name: "<name>Process" unless the family names it otherwise.
  virtual std::string step_name(const DeviceJob& job) const { return job.name + "Process"; }
};

// Whether a device job of any family is unfinished: Webex runs one per org (a new POST is a 409).
bool device_job_running(const State& state);
// The unfinished jobs of one family (updateInProgress of settings reads).
std::vector<const DeviceJob*> running_jobs(const State& state, const std::string& family);
// The Webex 409 of a second device job.
void send_job_conflict(Context& ctx);

// Queues a job of `family` (URL segment) named `name` over `device_uuids`. Returns the stored job.
DeviceJob& start_device_job(State& state, std::string family, std::string name,
                            std::vector<std::string> device_uuids, std::shared_ptr<JobAction> action);

// A layout job: applying to one device sets its layout to `target` (with the device's KEM keys
// kept when keep_kem).
DeviceJob& start_layout_job(State& state, std::string family, std::string name,
                            std::vector<std::string> device_uuids, Layout target, bool keep_kem);

void settle_jobs(State& state);

// The job object of GET .../{jobId} (and of the POST answer and list items).
nlohmann::json job_json(const State& state, const DeviceJob& job);
// GET .../{jobId}/errors: {items:[{itemNumber, trackingId, errorType, error:{key, message[]}}]}, in the
// order the devices failed (the job's deviceIds in the control state name them).
nlohmann::json job_errors_json(const DeviceJob& job);

// "PT11.476S", the ISO 8601 durations of timeElapsed.
std::string iso_duration(std::int64_t ms);

}  // namespace wx::emulator
