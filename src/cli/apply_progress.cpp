#include "cli/apply_progress.h"

#include <ostream>

namespace wx::cli {

std::string format_duration(std::chrono::seconds duration) {
  const long total = duration.count();
  const long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
  std::string out;
  if (h) out += std::to_string(h) + "h";
  if (h || m) out += std::to_string(m) + "m";
  out += std::to_string(s) + "s";
  return out;
}

void ApplyProgress::end_status_line() {
  if (m_status_line_open) m_out << "\n";
  m_status_line_open = false;
}

void ApplyProgress::step_finished(const Step& step, const StepOutcome& outcome) {
  std::lock_guard lock(m_mutex);
  end_status_line();
  m_out << glyph(step.action) << " " << step.kind << " " << step.target << ": "
        << status_name(outcome.status);
  if (!outcome.message.empty()) m_out << ": " << outcome.message;
  // Webex errors already name their tracking ID in the message.
  if (!outcome.tracking_id.empty() && outcome.message.find(outcome.tracking_id) == std::string::npos)
    m_out << " (trackingId " << outcome.tracking_id << ")";
  m_out << std::endl;
}

void ApplyProgress::activation_code(const IssuedActivationCode& code) {
  std::lock_guard lock(m_mutex);
  end_status_line();
  m_out << "activation code for " << code.phone << " (" << code.model << "): " << code.code << " (expires "
        << code.expiry_time << "); enter it on the phone to activate it" << std::endl;
}

void ApplyProgress::waiting(int online, int total, std::chrono::seconds elapsed,
                            std::chrono::seconds deadline, const std::string& detail) {
  std::lock_guard lock(m_mutex);
  std::string line = "… waiting for phones to come online: " + std::to_string(online) + "/" +
                     std::to_string(total) + " online, " + format_duration(elapsed) + " of " +
                     format_duration(deadline);
  if (!detail.empty()) line += "; waiting for " + detail;
  if (m_terminal) {
    m_out << "\r\033[K" << line << std::flush;
    m_status_line_open = true;
  } else {
    m_out << line << std::endl;
  }
}

void ApplyProgress::job_progress(const Step& step, const DeviceJob& job, bool queued) {
  std::lock_guard lock(m_mutex);
  std::string line = "… " + step.kind + " " + step.target + ": ";
  line += queued ? "another device job is running in the organisation; queued"
                 : "job " + job.latest_execution_status + " " + std::to_string(job.percentage_complete) + "%";
  if (m_terminal) {
    m_out << "\r\033[K" << line << std::flush;
    m_status_line_open = true;
  } else {
    m_out << line << std::endl;
  }
}

}  // namespace wx::cli
