#pragma once
#include <chrono>
#include <string>

#include "wxphones/apply/apply_report.h"
#include "wxphones/plan/plan.h"
#include "wxphones/util/clock.h"
#include "wxphones/webex/webex_api.h"

namespace wx {

// What apply tells the person (or CI log) while it works. Display only.
class ApplyObserver {
 public:
  virtual ~ApplyObserver() = default;
  virtual void step_finished(const Step& step, const StepOutcome& outcome) = 0;
  virtual void activation_code(const IssuedActivationCode& code) = 0;
  virtual void waiting(int online, int total, std::chrono::seconds elapsed, std::chrono::seconds deadline,
                       const std::string& detail) = 0;
  // A device job's progress; `queued` while another device job of the org runs (409).
  virtual void job_progress(const Step& step, const DeviceJob& job, bool queued) = 0;
};

struct ApplyOptions {
  std::chrono::seconds online_deadline{std::chrono::minutes(30)};
  std::chrono::milliseconds poll_initial{1000};  // status polling backs off from here...
  std::chrono::milliseconds poll_max{15000};     // ...to here
  int parallelism = 8;                           // steps of one phase run concurrently
  std::chrono::seconds job_deadline{std::chrono::minutes(20)};  // per job, queueing included
  std::chrono::milliseconds job_poll_initial{2000};
  std::chrono::milliseconds job_poll_max{15000};
};

// Runs the plan's steps in order: each phase's steps concurrently, a step only after the steps it
// depends on are done. Never throws for Webex errors: they become failed outcomes in the report.
ApplyReport execute_plan(const Plan& plan, WebexApi& api, const ApplyOptions& options,
                         ApplyObserver& observer, Clock& clock = system_clock());

}  // namespace wx
