// Device jobs: /telephony/config/jobs/devices/applyLineKeyTemplate... (WEBEX_API §6.8, §6.9, §11.9).
#include <algorithm>

#include <httplib.h>

#include "emulator/apply_selection.h"
#include "emulator/errors.h"
#include "emulator/jobs.h"
#include "emulator/routes.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

constexpr const char* kApplyFamily = "applyLineKeyTemplate";
constexpr const char* kApplyName = "applyphonelinekeytemplates";

void start_apply(Context& ctx) {
  auto request = parse_apply_request(ctx);
  if (!request) return;
  if (device_job_running(ctx.state)) {
    send_error(ctx.res, 409, "Another device job is in progress for this organization; try again later.");
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

void list_jobs(Context& ctx) {
  auto items = nlohmann::json::array();
  const auto& jobs = ctx.state.org.jobs;
  for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) {  // newest first (§6.10)
    if (it->family == kApplyFamily) items.push_back(job_json(ctx.state, *it));
  }
  ctx.send_json(200, {{"items", items}});
}

const DeviceJob* job_of(Context& ctx) {
  const auto* job = ctx.state.job_by_id(ctx.param("jobId"), kApplyFamily);
  if (job == nullptr) send_error(ctx.res, 404, "Job not found.");
  return job;
}

void get_job(Context& ctx) {
  if (const auto* job = job_of(ctx)) ctx.send_json(200, job_json(ctx.state, *job));
}

void get_job_errors(Context& ctx) {
  if (const auto* job = job_of(ctx)) ctx.send_json(200, job_errors_json(*job));
}

}  // namespace

void add_device_job_routes(Router& router) {
  const std::string base = std::string("/telephony/config/jobs/devices/") + kApplyFamily;
  router.add("POST", base, start_apply);
  router.add("GET", base, list_jobs);
  router.add("GET", base + "/{jobId}", get_job);
  router.add("GET", base + "/{jobId}/errors", get_job_errors);
}

}  // namespace wx::emulator
