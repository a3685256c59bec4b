// The /_emulator/ control API: inspect and edit state, drive the lifecycle, stats, faults, clock.
// No token; never counted in stats nor written to the traffic log.
#include <httplib.h>

#include "emulator/device_json.h"
#include "emulator/errors.h"
#include "emulator/faults.h"
#include "emulator/jobs.h"
#include "emulator/layout.h"
#include "emulator/lifecycle.h"
#include "emulator/routes.h"
#include "emulator/settings_routes.h"
#include "emulator/state.h"
#include "emulator/stats.h"

namespace wx::emulator {

namespace {

nlohmann::json optional_time(const std::optional<std::int64_t>& ms) {
  return ms ? nlohmann::json(iso8601(*ms)) : nlohmann::json(nullptr);
}

nlohmann::json job_failure_json(const JobFailure& f) {
  return {{"status", f.status},
          {"description", f.description},
          {"code", f.code ? nlohmann::json(*f.code) : nlohmann::json(nullptr)}};
}

// {status (4xx/5xx, default 500), description, code}; an error message on a bad body.
std::optional<std::string> parse_job_failure(const nlohmann::json& body, JobFailure& out) {
  if (!body.is_object()) return "jobFailure must be an object {status, description, code}.";
  JobFailure f;
  try {
    f.status = body.value("status", f.status);
    f.description = body.value("description", f.description);
    if (body.contains("code") && !body["code"].is_null()) f.code = body["code"].get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return "jobFailure: status is a number, description and code are strings.";
  }
  if (f.status < 400 || f.status > 599) return "jobFailure.status must be a 4xx or 5xx.";
  out = std::move(f);
  return std::nullopt;
}

nlohmann::json device_state_json(const State& state, const Device& d) {
  auto j = devices_api_json(state, d);
  j["model"] = d.model;
  j["everOnline"] = d.ever_online;
  j["visibleInDevicesApi"] = state.visible_in_devices_api(d);
  j["activationCode"] =
      d.activation_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.activation_code);
  j["activationState"] =
      d.activation_state.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.activation_state);
  j["onlineAt"] = optional_time(d.online_at_ms);
  j["activationCodeUseAt"] = optional_time(d.code_use_at_ms);
  j["layout"] = layout_json(d.layout);
  j["jobFailure"] = d.job_failure ? job_failure_json(*d.job_failure) : nlohmann::json(nullptr);
  j["settings"] = device_settings_state_json(state, d);
  return j;
}

nlohmann::json templates_json(const State& state) {
  auto out = nlohmann::json::array();
  for (const auto& t : state.org.line_key_templates) {
    out.push_back({{"id", make_id("DEVICE_LINE_KEY_TEMPLATE", t.uuid)},
                   {"templateName", t.name},
                   {"deviceModel", t.model},
                   {"userReorderEnabled", t.user_reorder_enabled},
                   {"lineKeys", t.line_keys}});
  }
  return out;
}

nlohmann::json jobs_json(const State& state) {
  auto out = nlohmann::json::array();
  for (const auto& job : state.org.jobs) {
    auto j = job_json(state, job);
    j["family"] = job.family;
    auto devices = nlohmann::json::array();
    for (const auto& uuid : job.device_uuids) devices.push_back(make_id("CALLING_DEVICE", uuid));
    j["deviceIds"] = devices;
    j["errors"] = job_errors_json(job)["items"];
    out.push_back(std::move(j));
  }
  return out;
}

void get_state(Context& ctx) {
  const auto& org = ctx.state.org;
  auto locations = nlohmann::json::array();
  for (const auto& l : org.locations)
    locations.push_back({{"id", make_id("LOCATION", l.uuid)}, {"name", l.name}});
  auto people = nlohmann::json::array();
  for (const auto& p : org.people) {
    people.push_back({{"id", make_id("PEOPLE", p.uuid)},
                      {"email", p.email},
                      {"displayName", p.display_name},
                      {"locationId", make_id("LOCATION", p.location_uuid)}});
  }
  auto workspaces = nlohmann::json::array();
  for (const auto& w : org.workspaces) {
    workspaces.push_back({{"id", make_id("PLACE", w.uuid)},
                          {"displayName", w.display_name},
                          {"locationId", make_id("LOCATION", w.location_uuid)}});
  }
  auto devices = nlohmann::json::array();
  for (const auto& d : org.devices) devices.push_back(device_state_json(ctx.state, d));
  auto codes = nlohmann::json::array();
  for (const auto& c : org.activation_codes) {
    codes.push_back({{"code", c.code},
                     {"expiryTime", iso8601(c.expiry_ms)},
                     {"deviceId", make_id("DEVICE", c.device_uuid)},
                     {"used", c.used}});
  }
  ctx.send_json(
      200, {{"org", {{"id", ctx.state.org_id()}, {"name", org.name}}},
            {"clock", {{"now", iso8601(ctx.state.clock.now_ms())}, {"timeScale", ctx.state.clock.scale()}}},
            {"locations", locations},
            {"people", people},
            {"workspaces", workspaces},
            {"devices", devices},
            {"activationCodes", codes},
            {"lineKeyTemplates", templates_json(ctx.state)},
            {"jobs", jobs_json(ctx.state)},
            {"settings", settings_state_json(ctx.state)},
            {"jobTiming",
             {{"startDelayMs", org.job_timing.start_delay_ms},
              {"durationPerDeviceMs", org.job_timing.per_device_ms},
              {"minDurationMs", org.job_timing.min_duration_ms}}}});
}

// The {mac} segment: a MAC in any format, or a device id of either kind (activation-code phones
// have no MAC before their code is used).
Device* device_of(Context& ctx) {
  Device* d = ctx.state.device_by_mac(ctx.param("mac"));
  if (d == nullptr) d = ctx.state.device_by_id(ctx.param("mac"));
  if (d == nullptr) send_error(ctx.res, 404, "No device with MAC or id " + ctx.param("mac"));
  return d;
}

void set_status(State& state, Device& d, const std::string& status) {
  if (status == "connected" || status == "connected_with_issues") {
    bring_online(state, d, state.clock.now_ms());
    d.connection_status = status;
  } else {
    take_offline(state, d, status);
  }
}

void patch_device(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr) return;
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The body must be a JSON object of device fields.");
    return;
  }
  try {
    if (body->contains("tags")) d->tags = (*body)["tags"].get<std::vector<std::string>>();
    if (body->contains("displayName")) d->display_name = (*body)["displayName"].get<std::string>();
    if (body->contains("ip")) d->ip = (*body)["ip"].get<std::string>();
    if (body->contains("serial")) d->serial = (*body)["serial"].get<std::string>();
    if (body->contains("software")) d->software = (*body)["software"].get<std::string>();
    if (body->contains("connectionStatus"))
      set_status(ctx.state, *d, (*body)["connectionStatus"].get<std::string>());
    if (body->contains("jobFailure")) {
      if ((*body)["jobFailure"].is_null()) {
        d->job_failure.reset();
      } else {
        JobFailure f;
        if (auto error = parse_job_failure((*body)["jobFailure"], f)) {
          send_error(ctx.res, 400, *error);
          return;
        }
        d->job_failure = f;
      }
    }
    if (body->contains("hoteling")) {
      const auto& h = (*body)["hoteling"];
      d->hoteling.enabled = h.value("enabled", d->hoteling.enabled);
      d->hoteling.limit_guest_use = h.value("limitGuestUse", d->hoteling.limit_guest_use);
      d->hoteling.guest_hours_limit = h.value("guestHoursLimit", d->hoteling.guest_hours_limit);
    }
  } catch (const nlohmann::json::exception& e) {
    send_error(ctx.res, 400, std::string("Bad field: ") + e.what());
    return;
  }
  ctx.send_json(200, device_state_json(ctx.state, *d));
}

void device_online(Context& ctx) {
  if (Device* d = device_of(ctx)) {
    if (d->mac.empty()) {
      send_error(ctx.res, 409, "The activation code of this device has not been used yet.");
      return;
    }
    set_status(ctx.state, *d, "connected");
    ctx.send_json(200, device_state_json(ctx.state, *d));
  }
}

void device_offline(Context& ctx) {
  if (Device* d = device_of(ctx)) {
    set_status(ctx.state, *d, "disconnected");
    ctx.send_json(200, device_state_json(ctx.state, *d));
  }
}

void use_code(Context& ctx) {
  ActivationCode* code = ctx.state.activation_code(ctx.param("code"));
  if (code == nullptr) {
    send_error(ctx.res, 404, "Unknown activation code.");
    return;
  }
  auto body = ctx.json_body();
  if (!body) return;
  std::optional<std::string> mac;
  if (body->is_object() && body->contains("mac") && (*body)["mac"].is_string())
    mac = (*body)["mac"].get<std::string>();
  if (auto error = use_activation_code(ctx.state, *code, mac, ctx.state.clock.now_ms())) {
    send_error(ctx.res, 409, *error);
    return;
  }
  settle(ctx.state);  // onlineAfterActivation may be 0
  ctx.send_json(200, device_state_json(ctx.state, *ctx.state.device_by_uuid(code->device_uuid)));
}

void set_job_failure(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr) return;
  auto body = ctx.json_body();
  if (!body) return;
  JobFailure f;
  if (auto error = parse_job_failure(body->is_null() ? nlohmann::json::object() : *body, f)) {
    send_error(ctx.res, 400, *error);
    return;
  }
  d->job_failure = f;
  ctx.send_json(200, device_state_json(ctx.state, *d));
}

void clear_job_failure(Context& ctx) {
  if (Device* d = device_of(ctx)) {
    d->job_failure.reset();
    ctx.send_json(200, device_state_json(ctx.state, *d));
  }
}

// An admin's change in Control Hub: the API's validation, without the PhoneOS refusal or stats.
void set_layout(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr) return;
  if (store_layout(ctx, *d)) ctx.send_json(200, layout_json(d->layout));
}

void advance_clock(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object() || !body->contains("seconds") || !(*body)["seconds"].is_number() ||
      (*body)["seconds"].get<double>() < 0) {
    send_error(ctx.res, 400, "Body must be {\"seconds\": N} with N >= 0.");
    return;
  }
  ctx.state.clock.advance_ms(static_cast<std::int64_t>((*body)["seconds"].get<double>() * 1000));
  settle(ctx.state);
  ctx.send_json(200, {{"now", iso8601(ctx.state.clock.now_ms())}});
}

}  // namespace

void add_control_routes(Router& router, Stats& stats, FaultSet& faults) {
  router.add("GET", "/_emulator/state", get_state);
  router.add("PATCH", "/_emulator/devices/{mac}", patch_device);
  router.add("POST", "/_emulator/devices/{mac}/online", device_online);
  router.add("POST", "/_emulator/devices/{mac}/offline", device_offline);
  router.add("POST", "/_emulator/devices/{mac}/jobFailure", set_job_failure);
  router.add("DELETE", "/_emulator/devices/{mac}/jobFailure", clear_job_failure);
  router.add("PUT", "/_emulator/devices/{mac}/layout", set_layout);
  router.add("POST", "/_emulator/activationCodes/{code}/use", use_code);
  router.add("POST", "/_emulator/clock/advance", advance_clock);
  router.add("GET", "/_emulator/stats", [&stats](Context& ctx) { ctx.send_json(200, stats.to_json()); });
  router.add("POST", "/_emulator/stats/reset", [&stats](Context& ctx) {
    stats.reset();
    ctx.send_no_content();
  });
  router.add("GET", "/_emulator/faults", [&faults](Context& ctx) { ctx.send_json(200, faults.to_json()); });
  router.add("POST", "/_emulator/faults", [&faults](Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return;
    std::string error;
    auto parsed = Fault::list_from_json(*body, error);
    if (!parsed) {
      send_error(ctx.res, 400, error);
      return;
    }
    for (auto& f : *parsed) faults.add(std::move(f));
    ctx.send_json(201, faults.to_json());
  });
  router.add("DELETE", "/_emulator/faults", [&faults](Context& ctx) {
    faults.clear();
    ctx.send_no_content();
  });
}

}  // namespace wx::emulator
