#pragma once
#include <functional>

#include "wxphones/apply/executor.h"

namespace wx {

// Runs one Webex device job to its end: starts it (a 409 means another device job of the org runs:
// wait and try again, never fail; a start whose outcome is unknown is not repeated: the running job
// of the family is ours), polls with backoff within the job deadline, and turns a job that finished
// with errors into StepFailed listing each failed item with its tracking id. Throws StepPending when
// the deadline passes.
class JobRunner {
 public:
  using Progress = std::function<void(const DeviceJob& job, bool queued)>;

  JobRunner(WebexApi& api, const ApplyOptions& options, Clock& clock)
      : m_api(api), m_options(options), m_clock(clock) {}

  DeviceJob run(JobFamily family, const std::function<DeviceJob()>& start, const Progress& progress);

 private:
  DeviceJob start_queued(JobFamily family, const std::function<DeviceJob()>& start, const Progress& progress,
                         Clock::time_point began);

  WebexApi& m_api;
  const ApplyOptions& m_options;
  Clock& m_clock;
};

// "completed: 12 phones" and the like, for the step's outcome.
std::string job_summary(const DeviceJob& job);

}  // namespace wx
