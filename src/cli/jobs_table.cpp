#include "cli/jobs_table.h"

#include <algorithm>
#include <sstream>

namespace wx::cli {

namespace {

// Left-aligned columns as wide as their widest cell, two spaces apart; no trailing spaces.
std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::ostringstream out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
  return out.str();
}

std::string count_of(const DeviceJob& job) {
  if (job.device_count) return std::to_string(*job.device_count);
  if (job.updated_count) return std::to_string(*job.updated_count);
  return "-";
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "-" : s;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

}  // namespace

nlohmann::json job_to_json(JobFamily family, const DeviceJob& job) {
  nlohmann::json j = {{"family", job_path_segment(family)},
                      {"id", job.id},
                      {"name", job.name},
                      {"trackingId", job.tracking_id},
                      {"latestExecutionStatus", job.latest_execution_status},
                      {"latestExecutionExitCode", job.latest_execution_exit_code},
                      {"percentageComplete", job.percentage_complete}};
  if (job.updated_count) j["updatedCount"] = *job.updated_count;
  if (job.advisory_count) j["advisoryCount"] = *job.advisory_count;
  if (job.device_count) j["deviceCount"] = *job.device_count;
  return j;
}

nlohmann::json job_error_to_json(const DeviceJobError& e) {
  return {{"itemNumber", e.item_number}, {"item", e.item}, {"trackingId", e.tracking_id},
          {"errorType", e.error_type},   {"key", e.key},   {"messages", e.messages}};
}

std::string render_jobs_table(const std::vector<FamilyJob>& jobs) {
  if (jobs.empty()) return "No device jobs.\n";
  std::vector<std::vector<std::string>> rows = {
      {"FAMILY", "ID", "STATUS", "EXIT CODE", "DONE", "DEVICES", "NAME"}};
  for (const auto& [family, job] : jobs) {
    rows.push_back({std::string(job_path_segment(family)), job.id, or_dash(job.latest_execution_status),
                    or_dash(job.latest_execution_exit_code), std::to_string(job.percentage_complete) + "%",
                    count_of(job), or_dash(job.name)});
  }
  return table(rows);
}

std::string render_job_details(JobFamily family, const DeviceJob& job) {
  std::vector<std::vector<std::string>> rows = {
      {"Family:", std::string(job_path_segment(family))},
      {"Id:", job.id},
      {"Name:", or_dash(job.name)},
      {"Status:", or_dash(job.latest_execution_status)},
      {"Exit code:", or_dash(job.latest_execution_exit_code)},
      {"Complete:", std::to_string(job.percentage_complete) + "%"},
  };
  if (job.device_count) rows.push_back({"Devices:", std::to_string(*job.device_count)});
  if (job.updated_count) rows.push_back({"Updated:", std::to_string(*job.updated_count)});
  if (job.advisory_count) rows.push_back({"Advisories:", std::to_string(*job.advisory_count)});
  rows.push_back({"Tracking id:", or_dash(job.tracking_id)});
  return table(rows);
}

std::string render_job_errors_table(const std::vector<DeviceJobError>& errors) {
  if (errors.empty()) return "No errors.\n";
  std::vector<std::vector<std::string>> rows = {{"#", "ITEM", "TYPE", "KEY", "TRACKING ID", "MESSAGE"}};
  for (const auto& e : errors) {
    rows.push_back({std::to_string(e.item_number), or_dash(e.item), or_dash(e.error_type), or_dash(e.key),
                    or_dash(e.tracking_id), or_dash(joined(e.messages))});
  }
  return table(rows);
}

}  // namespace wx::cli
