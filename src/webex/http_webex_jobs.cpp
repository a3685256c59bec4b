#include <spdlog/spdlog.h>

#include "http_webex_api.h"
#include "job_json.h"
#include "layout_json.h"
#include "live_json.h"
#include "wxphones/webex/page_sizes.h"

namespace wx::webex_detail {

namespace {

constexpr const char* kPreview = "/telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke";

std::string jobs_path(JobFamily family) {
  return "/telephony/config/jobs/devices/" + std::string(job_path_segment(family));
}

std::string job_path(JobFamily family, const std::string& job_id) {
  return jobs_path(family) + "/" + path_segment(job_id);
}

// Only these two lists (and their /errors) take start/max; the others answer one object with items.
QueryParams page_query(JobFamily family) {
  if (family == JobFamily::CallDeviceSettings || family == JobFamily::DynamicDeviceSettings) {
    return {{"max", std::to_string(page_size::kDeviceJobs)}};
  }
  return {};
}

}  // namespace

int HttpWebexApi::preview_apply_line_key_template(const ApplyTemplateRequest& request) {
  // A POST that only counts: safe to repeat when the outcome is unknown.
  auto response = m_client.post(kPreview, apply_template_json(request), Idempotency::Idempotent);
  auto count = int_of(response.body, "deviceCount");
  if (!count) {
    throw ApiError(response.status, "POST", kPreview, "the response carries no deviceCount");
  }
  return *count;
}

DeviceJob HttpWebexApi::start_apply_line_key_template_job(const ApplyTemplateRequest& request) {
  const std::string path = jobs_path(JobFamily::ApplyLineKeyTemplate);
  // Not idempotent: a repeat would start a second job (or meet our own as a 409). A 409 (another device
  // job runs in the org) is not retried here either; it reaches the caller, which queues the job.
  auto response = m_client.post(path, apply_template_json(request), Idempotency::NotIdempotent);
  auto job = device_job_from_json(response.body);
  if (!job.id.empty()) {
    return job;
  }
  // Accepted without a job in the body. Only one device job runs per org, so a running
  // applyLineKeyTemplate job right now is the one just started.
  spdlog::info("POST {} answered {} without a job; looking for the running job", path, response.status);
  std::vector<DeviceJob> running;
  for (auto& listed : list_device_jobs(JobFamily::ApplyLineKeyTemplate)) {
    if (!listed.id.empty() && !listed.finished()) {
      running.push_back(std::move(listed));
    }
  }
  if (running.size() == 1) {
    return running.front();
  }
  throw ApiError(response.status, "POST", path,
                 "Webex accepted the apply-template job but returned no job, and " +
                     std::to_string(running.size()) + " apply-template jobs are running");
}

DeviceJob HttpWebexApi::get_device_job(JobFamily family, const std::string& job_id) {
  auto body = m_client.get(job_path(family, job_id));
  if (!body.is_object()) {
    throw ApiError(200, "GET", job_path(family, job_id), "the response carries no job");
  }
  auto job = device_job_from_json(body);
  if (job.id.empty()) {
    job.id = job_id;
  }
  return job;
}

std::vector<DeviceJob> HttpWebexApi::list_device_jobs(JobFamily family) {
  std::vector<DeviceJob> out;
  for (const auto& item : m_client.list(jobs_path(family), page_query(family), "items")) {
    out.push_back(device_job_from_json(item));
  }
  return out;
}

std::vector<DeviceJobError> HttpWebexApi::list_device_job_errors(JobFamily family,
                                                                 const std::string& job_id) {
  nlohmann::json first_page;
  auto items = m_client.list(job_path(family, job_id) + "/errors", page_query(family), "items", first_page);
  std::vector<DeviceJobError> out;
  if (items.empty()) {
    // Not a list: the single {trackingId, error} object of the applyLineKeyTemplate description (or an
    // empty list, which reads as no errors).
    return job_errors_from_json(first_page);
  }
  int n = 0;
  for (const auto& item : items) {
    if (item.is_object()) {
      out.push_back(job_error_from_json(item, n));
    }
    ++n;
  }
  return out;
}

}  // namespace wx::webex_detail
