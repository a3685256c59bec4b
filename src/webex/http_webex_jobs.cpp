#include <spdlog/spdlog.h>

#include <stdexcept>

#include "dynamic_settings_json.h"
#include "http_webex_api.h"
#include "job_json.h"
#include "layout_json.h"
#include "live_json.h"
#include "settings_json.h"
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

DeviceJob HttpWebexApi::start_job(JobFamily family, const nlohmann::json& body) {
  const std::string path = jobs_path(family);
  const std::string what(job_path_segment(family));
  // Not idempotent: a repeat would start a second job (or meet our own as a 409). A 409 (another device
  // job runs in the org) and every other 4xx reach the caller, which queues the job.
  std::optional<ApiError> uncertain;
  int status = 0;
  try {
    auto response = m_client.post(path, body, Idempotency::NotIdempotent);
    status = response.status;
    auto job = device_job_from_json(response.body);
    if (!job.id.empty()) {
      return job;
    }
    spdlog::info("POST {} answered {} without a job; looking for the running job", path, status);
  } catch (const ApiError& e) {
    if (e.status() != 0 && e.status() < 500) {
      throw;  // a definite refusal
    }
    spdlog::warn("outcome of starting a {} job is unknown ({}); looking for the running job", what, e.what());
    uncertain = e;
  }
  // Only one device job runs per org, so a running job of this family right now is the one just started.
  std::vector<DeviceJob> running;
  try {
    for (auto& listed : list_device_jobs(family)) {
      if (!listed.id.empty() && !listed.finished()) {
        running.push_back(std::move(listed));
      }
    }
  } catch (const ApiError& e) {
    if (!uncertain) {
      throw;
    }
    spdlog::warn("listing {} jobs failed too: {}", what, e.what());
  }
  if (running.size() == 1) {
    return running.front();
  }
  if (uncertain) {
    throw *uncertain;  // no job of ours visible: the caller may try again later
  }
  throw ApiError(status, "POST", path,
                 "Webex accepted the " + what + " job but returned no job, and " +
                     std::to_string(running.size()) + " " + what + " jobs are running");
}

DeviceJob HttpWebexApi::start_apply_line_key_template_job(const ApplyTemplateRequest& request) {
  return start_job(JobFamily::ApplyLineKeyTemplate, apply_template_json(request));
}

DeviceJob HttpWebexApi::start_device_settings_job(const DeviceSettingsJobRequest& request) {
  return start_job(JobFamily::CallDeviceSettings, device_settings_job_json(request));  // answers 200
}

DeviceJob HttpWebexApi::start_dynamic_settings_job(const DynamicSettingsJobRequest& request) {
  if (request.tags.empty()) {
    throw std::invalid_argument("start_dynamic_settings_job: at least one tag is required (minItems 1)");
  }
  return start_job(JobFamily::DynamicDeviceSettings, dynamic_settings_job_json(request));  // answers 202
}

DeviceJob HttpWebexApi::start_rebuild_phones_job(const std::string& location_id) {
  if (location_id.empty()) {
    throw std::invalid_argument("start_rebuild_phones_job: a location id is required");
  }
  return start_job(JobFamily::RebuildPhones, {{"locationId", location_id}});  // answers 202
}

DeviceJob HttpWebexApi::get_device_job(JobFamily family, const std::string& job_id) {
  HttpCall call{"GET", job_path(family, job_id), {}, std::nullopt, Idempotency::Idempotent};
  // These two status operations declare no orgId (the job id names the org); the others do.
  call.with_org = family != JobFamily::CallDeviceSettings && family != JobFamily::DynamicDeviceSettings;
  auto body = m_client.send(call).body;
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
