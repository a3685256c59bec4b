#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "wxphones/plan/plan.h"

namespace wx::cli {

// One drift run, as the node-exporter textfile collector sees it.
struct DriftMetrics {
  bool success = false;                        // the run reached a verdict (no plan or Webex error)
  std::map<std::string, int> drifted_by_kind;  // success only: kind -> objects the plan changes
  int phones_not_online = 0;                   // success only: live phones in the managed scope
  bool drift_detected = false;                 // success only
  double duration_seconds = 0;
  // Set on success to now; on failure carried over from the previous file, so an alert on its
  // age fires when drift stops succeeding.
  std::optional<double> last_success_timestamp;
};

// Objects the plan changes per kind, counted like Plan::summary (waits and runs are not drift).
std::map<std::string, int> drifted_objects_by_kind(const Plan& plan);

// Prometheus text exposition format 0.0.4, with # HELP and # TYPE lines.
std::string render_metrics(const DriftMetrics& metrics);

// The value of wxphones_drift_last_success_timestamp_seconds in a previous file's text.
std::optional<double> read_last_success(std::string_view previous_text);

// Writes FILE.tmp, then renames it over FILE: the collector never reads half a file.
// Throws std::runtime_error when the file cannot be written.
void write_metrics_file(const std::filesystem::path& file, const std::string& text);

}  // namespace wx::cli
