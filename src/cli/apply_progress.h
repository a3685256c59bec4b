#pragma once
#include <iosfwd>
#include <mutex>

#include "wxphones/apply/executor.h"

namespace wx::cli {

// Prints apply's progress as plain lines (CI logs) or, on a terminal, rewrites the wait line in place.
class ApplyProgress final : public ApplyObserver {
 public:
  ApplyProgress(std::ostream& out, bool terminal) : m_out(out), m_terminal(terminal) {}
  void step_finished(const Step& step, const StepOutcome& outcome) override;
  void activation_code(const IssuedActivationCode& code) override;
  void waiting(int online, int total, std::chrono::seconds elapsed, std::chrono::seconds deadline,
               const std::string& detail) override;
  void job_progress(const Step& step, const DeviceJob& job, bool queued) override;

 private:
  void end_status_line();
  std::ostream& m_out;
  bool m_terminal;
  bool m_status_line_open = false;
  std::mutex m_mutex;
};

std::string format_duration(std::chrono::seconds duration);  // "3m12s"

}  // namespace wx::cli
