#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/device_job.h"

namespace wx::cli {

// Display of device jobs for `wxphones jobs`; pure, so the layouts are unit tested.
struct FamilyJob {
  JobFamily family;
  DeviceJob job;
};

nlohmann::json job_to_json(JobFamily family, const DeviceJob& job);
nlohmann::json job_error_to_json(const DeviceJobError& error);

std::string render_jobs_table(const std::vector<FamilyJob>& jobs);  // one row per job, or "No device jobs."
std::string render_job_details(JobFamily family, const DeviceJob& job);
std::string render_job_errors_table(const std::vector<DeviceJobError>& errors);

}  // namespace wx::cli
