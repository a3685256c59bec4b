// Device jobs: /telephony/config/jobs/devices/{family}... (WEBEX_API §6.8-§6.11, §8, §11.9). The
// POST of applyLineKeyTemplate lives here; the settings families post in settings_jobs.cpp. The
// reads (list, status, errors) are the same for every family.
#include <algorithm>

#include <httplib.h>

#include "emulator/apply_selection.h"
#include "emulator/errors.h"
#include "emulator/jobs.h"
#include "emulator/pagination.h"
#include "emulator/routes.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

constexpr const char* kApplyFamily = "applyLineKeyTemplate";
constexpr const char* kApplyName = "applyphonelinekeytemplates";
constexpr const char* kReadFamilies[] = {kApplyFamily, "callDeviceSettings", "dynamicDeviceSettings",
                                         "rebuildPhones"};
// Webex documents max default 2000 for the settings job lists (§6.10); the same for all here.
constexpr PageLimits kJobPaging{2000, 2000};

void start_apply(Context& ctx) {
  auto request = parse_apply_request(ctx);
  if (!request) return;
  if (device_job_running(ctx.state)) {
    send_job_conflict(ctx);
    return;
  }
  Layout target;  // APPLY_DEFAULT_TEMPLATES: back to the factory layout, KEM keys included
  bool keep_kem = false;
  if (request->action == "APPLY_TEMPLATE") {
    const auto* t = ctx.state.template_by_id(make_id("DEVICE_LINE_KEY_TEMPLATE", request->template_uuid));
    target.mode = "CUSTOM";
    target.user_reorder_enabled = t->user_reorder_enabled;
    target.line_keys = t->line_keys;
    keep_kem = true;
  }
  auto devices = select_devices(ctx.state, *request);
  const auto& job =
      start_layout_job(ctx.state, kApplyFamily, kApplyName, std::move(devices), std::move(target), keep_kem);
  ctx.send_json(202, job_json(ctx.state, job));
}

void list_jobs(Context& ctx, const std::string& family) {
  std::vector<nlohmann::json> items;
  const auto& jobs = ctx.state.org.jobs;
  for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) {  // newest first (§6.10)
    if (it->family == family) items.push_back(job_json(ctx.state, *it));
  }
  send_page(ctx, items, kJobPaging);
}

const DeviceJob* job_of(Context& ctx, const std::string& family) {
  const auto* job = ctx.state.job_by_id(ctx.param("jobId"), family);
  if (job == nullptr) send_error(ctx.res, 404, "Job not found.");
  return job;
}

void get_job(Context& ctx, const std::string& family) {
  if (const auto* job = job_of(ctx, family)) ctx.send_json(200, job_json(ctx.state, *job));
}

void get_job_errors(Context& ctx, const std::string& family) {
  const auto* job = job_of(ctx, family);
  if (job == nullptr) return;
  const auto items = job_errors_json(*job)["items"];
  send_page(ctx, std::vector<nlohmann::json>(items.begin(), items.end()), kJobPaging);
}

}  // namespace

void add_device_job_routes(Router& router) {
  const std::string prefix = "/telephony/config/jobs/devices/";
  router.add("POST", prefix + kApplyFamily, start_apply);
  for (const std::string family : kReadFamilies) {
    const std::string base = prefix + family;
    router.add("GET", base, [family](Context& ctx) { list_jobs(ctx, family); });
    router.add("GET", base + "/{jobId}", [family](Context& ctx) { get_job(ctx, family); });
    router.add("GET", base + "/{jobId}/errors", [family](Context& ctx) { get_job_errors(ctx, family); });
  }
}

}  // namespace wx::emulator
