#include "apply/job_runner.h"

#include "apply/step_errors.h"
#include "wxphones/util/count_text.h"
#include "wxphones/webex/api_error.h"

namespace wx {

using std::chrono::milliseconds;

DeviceJob JobRunner::run(JobFamily family, const std::function<DeviceJob()>& start,
                         const Progress& progress) {
  const auto began = m_clock.now();
  DeviceJob job = start_queued(family, start, progress, began);
  progress(job, false);
  milliseconds interval = m_options.job_poll_initial;
  while (!job.finished()) {
    if (m_clock.now() - began >= m_options.job_deadline) {
      throw StepPending("job " + job.id + " still " + job.latest_execution_status + " at " +
                        std::to_string(job.percentage_complete) + "% after " +
                        std::to_string(m_options.job_deadline.count()) + "s; the next apply checks it again");
    }
    m_clock.sleep_for(interval);
    interval = std::min(interval * 2, m_options.job_poll_max);
    job = m_api.get_device_job(family, job.id);
    progress(job, false);
  }
  if (job.latest_execution_status == "FAILED" || job.latest_execution_exit_code != "COMPLETED") {
    std::string message =
        "job " + job.id + " finished " + job.latest_execution_status + "/" + job.latest_execution_exit_code;
    const auto errors = m_api.list_device_job_errors(family, job.id);
    message += ": " + count_text(errors.size(), "phone") + " failed";
    for (const auto& e : errors) {
      message += "\n    item " + std::to_string(e.item_number) + (e.item.empty() ? "" : " (" + e.item + ")") +
                 ": " + e.key;
      for (const auto& m : e.messages) message += " " + m;
      message += " (trackingId " + e.tracking_id + ")";
    }
    throw StepFailed(message, job.tracking_id);
  }
  return job;
}

DeviceJob JobRunner::start_queued(JobFamily family, const std::function<DeviceJob()>& start,
                                  const Progress& progress, Clock::time_point began) {
  milliseconds interval = m_options.job_poll_initial;
  while (true) {
    try {
      return start();
    } catch (const ApiError& e) {
      if (e.status() == 409) {
        DeviceJob waiting;
        waiting.latest_execution_status = "QUEUED";
        progress(waiting, true);
        if (m_clock.now() - began >= m_options.job_deadline) {
          throw StepPending("another device job kept running for " +
                            std::to_string(m_options.job_deadline.count()) +
                            "s; this job was not started; the next apply starts it");
        }
        m_clock.sleep_for(interval);
        interval = std::min(interval * 2, m_options.job_poll_max);
        continue;
      }
      if (e.status() == 0 || e.status() >= 500) {
        for (const auto& job : m_api.list_device_jobs(family)) {
          if (!job.finished()) return job;
        }
      }
      throw;
    }
  }
}

std::string job_summary(const DeviceJob& job) {
  std::string out = "job " + job.id + " completed";
  if (job.updated_count) {
    out += ": " + count_text(static_cast<std::size_t>(*job.updated_count), "phone") + " updated";
  } else if (job.device_count) {
    out += ": " + count_text(static_cast<std::size_t>(*job.device_count), "phone");
  }
  return out;
}

}  // namespace wx
