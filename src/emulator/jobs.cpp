#include "emulator/jobs.h"

#include <algorithm>
#include <cstdio>

#include "emulator/errors.h"
#include "emulator/router.h"

namespace wx::emulator {

namespace {

// A layout job: the template snapshot (or the default layout) every selected phone gets.
class LayoutJobAction : public JobAction {
 public:
  LayoutJobAction(Layout target, bool keep_kem) : m_target(std::move(target)), m_keep_kem(keep_kem) {}

  std::optional<JobFailure> apply(State&, Device& device) override {
    Layout layout = m_target;
    if (m_keep_kem) {
      layout.kem_module_type = device.layout.kem_module_type;
      layout.kem_keys = device.layout.kem_keys;
    }
    device.layout = std::move(layout);
    return std::nullopt;
  }

  void describe(const State&, const DeviceJob& job, nlohmann::json& out) const override {
    out["updatedCount"] = job.updated;
    out["advisoryCount"] = 0;
  }

 private:
  Layout m_target;
  bool m_keep_kem;
};

JobAction* action_of(State& state, const DeviceJob& job) {
  auto it = state.org.settings.job_actions.find(job.uuid);
  return it == state.org.settings.job_actions.end() ? nullptr : it->second.get();
}

const JobAction* action_of(const State& state, const DeviceJob& job) {
  auto it = state.org.settings.job_actions.find(job.uuid);
  return it == state.org.settings.job_actions.end() ? nullptr : it->second.get();
}

std::int64_t duration_of(const State& state, const DeviceJob& job) {
  const auto& t = state.org.job_timing;
  return std::max<std::int64_t>(t.min_duration_ms,
                                static_cast<std::int64_t>(job.device_uuids.size()) * t.per_device_ms);
}

// When device i (0-based) of the job is processed.
std::int64_t processing_time(const DeviceJob& job, std::size_t i) {
  const auto n = static_cast<std::int64_t>(job.device_uuids.size());
  return job.start_ms + (job.end_ms - job.start_ms) * (static_cast<std::int64_t>(i) + 1) / n;
}

void fail_device(DeviceJob& job, const Device* device, const std::string& uuid, JobFailure failure) {
  JobError e;
  e.device_uuid = uuid;
  e.location_uuid = device != nullptr ? device->location_uuid : "";
  e.tracking_id = new_tracking_id();
  e.failure = std::move(failure);
  job.errors.push_back(std::move(e));
}

void process_device(State& state, DeviceJob& job, const std::string& uuid) {
  Device* device = state.device_by_uuid(uuid);
  if (device == nullptr) {
    fail_device(job, nullptr, uuid, {404, "The device no longer exists.", std::nullopt});
    return;
  }
  if (device->job_failure) {
    fail_device(job, device, uuid, *device->job_failure);
    return;
  }
  if (state.phone_os(*device) && !device->ever_online) {  // §13: no configuration before online
    const auto& refusal = state.org.lifecycle.phone_os_config_before_online;
    fail_device(job, device, uuid, {refusal.status, refusal.message, std::to_string(refusal.error_code)});
    return;
  }
  JobAction* action = action_of(state, job);
  if (action == nullptr) {
    fail_device(job, device, uuid, {500, "The job has no action.", std::nullopt});
    return;
  }
  if (auto failure = action->apply(state, *device)) {
    fail_device(job, device, uuid, std::move(*failure));
    return;
  }
  ++job.updated;
}

void finish(State& state, DeviceJob& job) {
  job.finished = true;
  job.last_updated_ms = job.end_ms;
  const bool all_failed = !job.device_uuids.empty() && job.errors.size() == job.device_uuids.size();
  job.status = all_failed ? "FAILED" : "COMPLETED";
  if (JobAction* action = action_of(state, job); action != nullptr && !all_failed) action->complete(state);
}

std::string exit_code(const DeviceJob& job) {
  if (!job.finished) return "UNKNOWN";
  if (job.status == "FAILED") return "FAILED";
  return job.errors.empty() ? "COMPLETED" : "COMPLETED_WITH_ERRORS";
}

int percentage(const DeviceJob& job) {
  if (job.finished) return 100;
  if (job.device_uuids.empty()) return 0;
  return std::min(99, static_cast<int>(job.processed * 100 / job.device_uuids.size()));
}

}  // namespace

std::string iso_duration(std::int64_t ms) {
  if (ms < 0) ms = 0;
  char buf[48];
  if (ms % 1000 == 0) {
    std::snprintf(buf, sizeof buf, "PT%lldS", static_cast<long long>(ms / 1000));
  } else {
    std::snprintf(buf, sizeof buf, "PT%lld.%03lldS", static_cast<long long>(ms / 1000),
                  static_cast<long long>(ms % 1000));
  }
  return buf;
}

bool device_job_running(const State& state) {
  return std::any_of(state.org.jobs.begin(), state.org.jobs.end(), [](const auto& j) { return !j.finished; });
}

std::vector<const DeviceJob*> running_jobs(const State& state, const std::string& family) {
  std::vector<const DeviceJob*> out;
  for (const auto& job : state.org.jobs) {
    if (!job.finished && job.family == family) out.push_back(&job);
  }
  return out;
}

void send_job_conflict(Context& ctx) {
  send_error(ctx.res, 409, "Another device job is in progress for this organization; try again later.");
}

DeviceJob& start_device_job(State& state, std::string family, std::string name,
                            std::vector<std::string> device_uuids, std::shared_ptr<JobAction> action) {
  if (state.org.admin_uuid.empty()) state.org.admin_uuid = state.ids.uuid();
  DeviceJob job;
  job.uuid = state.ids.uuid();
  job.family = std::move(family);
  job.name = std::move(name);
  job.tracking_id = new_tracking_id();
  job.instance_id = static_cast<int>(state.org.jobs.size()) + 1;
  job.created_ms = state.clock.now_ms();
  job.start_ms = job.created_ms + state.org.job_timing.start_delay_ms;
  job.device_uuids = std::move(device_uuids);
  job.end_ms = job.start_ms + duration_of(state, job);
  job.last_updated_ms = job.created_ms;
  state.org.settings.job_actions[job.uuid] = std::move(action);
  state.org.jobs.push_back(std::move(job));
  settle_jobs(state);  // a zero start delay starts it at once
  return state.org.jobs.back();
}

DeviceJob& start_layout_job(State& state, std::string family, std::string name,
                            std::vector<std::string> device_uuids, Layout target, bool keep_kem) {
  return start_device_job(state, std::move(family), std::move(name), std::move(device_uuids),
                          std::make_shared<LayoutJobAction>(std::move(target), keep_kem));
}

void settle_jobs(State& state) {
  const auto now = state.clock.now_ms();
  for (auto& job : state.org.jobs) {
    if (job.finished || now < job.start_ms) continue;
    if (job.status == "STARTING") {
      job.status = "STARTED";
      job.last_updated_ms = job.start_ms;
    }
    while (job.processed < job.device_uuids.size() && processing_time(job, job.processed) <= now) {
      job.last_updated_ms = processing_time(job, job.processed);
      process_device(state, job, job.device_uuids[job.processed]);
      ++job.processed;
    }
    if (now >= job.end_ms) finish(state, job);
  }
}

nlohmann::json job_json(const State& state, const DeviceJob& job) {
  const auto now = state.clock.now_ms();
  const bool started = job.status != "STARTING";
  const std::string exit = exit_code(job);
  const JobAction* action = action_of(state, job);
  nlohmann::json execution = {{"id", job.instance_id},
                              {"lastUpdated", iso8601(job.last_updated_ms)},
                              {"statusMessage", job.status},
                              {"exitCode", exit},
                              {"createdTime", iso8601(job.created_ms)}};
  if (started) {
    const auto until = job.finished ? job.end_ms : std::min(now, job.end_ms);
    nlohmann::json step = {{"id", job.instance_id},
                           {"startTime", iso8601(job.start_ms)},
                           {"lastUpdated", iso8601(job.last_updated_ms)},
                           {"statusMessage", job.status},
                           {"exitCode", exit},
                           {"name", action != nullptr ? action->step_name(job) : job.name + "Process"},
                           {"timeElapsed", iso_duration(until - job.start_ms)}};
    execution["startTime"] = iso8601(job.start_ms);
    if (job.finished) {
      step["endTime"] = iso8601(job.end_ms);
      execution["endTime"] = iso8601(job.end_ms);
    }
    execution["timeElapsed"] = iso_duration(until - job.start_ms);
    execution["stepExecutionStatuses"] = nlohmann::json::array({std::move(step)});
  } else {
    // A STARTING job has no step yet; the callDeviceSettings POST example (STARTING) shows no
    // stepExecutionStatuses and its schema (StartJobResponse) does not declare it (WEBEX_API §14).
    execution["timeElapsed"] = iso_duration(0);
  }
  nlohmann::json out = {{"name", job.name},
                        {"id", make_id("JOB_ID", job.uuid)},
                        {"trackingId", job.tracking_id},
                        {"sourceUserId", make_id("PEOPLE", state.org.admin_uuid)},
                        {"sourceCustomerId", state.org_id()},
                        {"targetCustomerId", state.org_id()},
                        {"instanceId", 0},
                        {"jobExecutionStatus", nlohmann::json::array({execution})},
                        {"latestExecutionStatus", job.status},
                        {"latestExecutionExitCode", exit},
                        {"percentageComplete", percentage(job)}};
  if (action != nullptr) action->describe(state, job, out);
  return out;
}

nlohmann::json job_errors_json(const DeviceJob& job) {
  auto items = nlohmann::json::array();
  for (std::size_t i = 0; i < job.errors.size(); ++i) {
    const auto& e = job.errors[i];
    nlohmann::json message = {
        {"description", e.failure.description},
        {"code", e.failure.code ? nlohmann::json(*e.failure.code) : nlohmann::json(nullptr)},
        {"locationId", e.location_uuid.empty() ? nlohmann::json(nullptr)
                                               : nlohmann::json(make_id("LOCATION", e.location_uuid))}};
    // No `item` (the failed device): no description's example shows it, and WEBEX_API §14 has the
    // emulator emit undocumented fields only where §12 or an example does. errorType is §12's.
    items.push_back(
        {{"itemNumber", i},
         {"trackingId", e.tracking_id},
         {"errorType", "ERROR"},
         {"error",
          {{"key", std::to_string(e.failure.status)}, {"message", nlohmann::json::array({message})}}}});
  }
  return {{"items", items}};
}

}  // namespace wx::emulator
