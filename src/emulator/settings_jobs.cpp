#include "emulator/settings_jobs.h"

#include <algorithm>
#include <set>

#include <httplib.h>

#include "emulator/device_settings.h"
#include "emulator/dynamic_store.h"
#include "emulator/errors.h"
#include "emulator/jobs.h"
#include "wxphones/model/customizations.h"

namespace wx::emulator {

namespace {

constexpr const char* kBase = "/telephony/config/jobs/devices/";

// A job on the org (no location) or on one location: target, locationId, locationName.
class ScopedJobAction : public JobAction {
 public:
  explicit ScopedJobAction(std::optional<std::string> location_uuid)
      : m_location_uuid(std::move(location_uuid)) {}
  const std::optional<std::string>& location_uuid() const { return m_location_uuid; }

 protected:
  void describe_scope(const State& state, nlohmann::json& out, bool with_name) const {
    out["target"] = m_location_uuid ? "LOCATION" : "CUSTOMER";
    out["locationId"] = m_location_uuid ? make_id("LOCATION", *m_location_uuid) : "";
    if (m_location_uuid && with_name) {
      if (const auto* l = state.location_by_uuid(*m_location_uuid)) out["locationName"] = l->name;
    }
  }

  std::optional<std::string> m_location_uuid;
};

// §6.10: the devices pick the change up; the scope's values change when the job completes.
class CallDeviceSettingsAction : public ScopedJobAction {
 public:
  CallDeviceSettingsAction(std::optional<std::string> location_uuid, bool location_enabled,
                           nlohmann::json customizations)
      : ScopedJobAction(std::move(location_uuid)),
        m_location_enabled(location_enabled),
        m_customizations(std::move(customizations)) {}

  std::optional<JobFailure> apply(State&, Device&) override { return std::nullopt; }

  void complete(State& state) override {
    auto& s = state.org.settings;
    const auto now = state.clock.now_ms();
    if (!m_location_uuid) {
      s.customizations = overlay_json(org_customizations(state), m_customizations);
      s.last_update_ms = now;
      return;
    }
    auto before = location_customizations(state, *m_location_uuid);
    auto& l = s.locations[*m_location_uuid];
    l.custom_enabled = m_location_enabled;
    l.customizations = m_location_enabled ? overlay_json(before, m_customizations) : nlohmann::json::object();
    l.last_update_ms = now;
  }

  void describe(const State& state, const DeviceJob& job, nlohmann::json& out) const override {
    out["jobType"] = job.name;
    out["locationCustomizationsEnabled"] = m_location_uuid && m_location_enabled;
    describe_scope(state, out, false);
    out["deviceCount"] = job.device_uuids.size();
  }

  std::string step_name(const DeviceJob& job) const override { return job.name + "OverrideProcess"; }

 private:
  bool m_location_enabled;
  nlohmann::json m_customizations;
};

struct DynamicChange {
  std::string family;
  std::string tag;
  std::optional<std::string> value;  // nullopt = CLEAR
};

// §8: org or location overrides, applied when the job completes.
class DynamicSettingsAction : public ScopedJobAction {
 public:
  DynamicSettingsAction(std::optional<std::string> location_uuid, std::vector<DynamicChange> changes)
      : ScopedJobAction(std::move(location_uuid)), m_changes(std::move(changes)) {}

  std::optional<JobFailure> apply(State&, Device&) override { return std::nullopt; }

  void complete(State& state) override {
    auto& s = state.org.settings;
    const auto now = state.clock.now_ms();
    DynamicValues* values = &s.dynamic;
    if (m_location_uuid) {
      auto& l = s.locations[*m_location_uuid];
      values = &l.dynamic;
      l.dynamic_update_ms = now;
    } else {
      s.dynamic_update_ms = now;
    }
    for (const auto& c : m_changes) {
      if (c.value) {
        (*values)[{c.family, c.tag}] = *c.value;
      } else {
        values->erase({c.family, c.tag});
      }
    }
  }

  void describe(const State& state, const DeviceJob&, nlohmann::json& out) const override {
    describe_scope(state, out, true);
  }

  std::string step_name(const DeviceJob& job) const override { return job.name + "Update"; }

 private:
  std::vector<DynamicChange> m_changes;
};

// §6.11: every phone of the location rebuilds its configuration.
class RebuildPhonesAction : public ScopedJobAction {
 public:
  using ScopedJobAction::ScopedJobAction;

  std::optional<JobFailure> apply(State&, Device& device) override {
    ++device.settings.rebuild_count;
    return std::nullopt;
  }

  void describe(const State& state, const DeviceJob& job, nlohmann::json& out) const override {
    describe_scope(state, out, false);
    out["deviceCount"] = job.device_uuids.size();
  }
};

// locationId of a job body: nullopt for the org ("" or absent); false after a 400.
bool job_location(Context& ctx, const nlohmann::json& body, std::optional<std::string>& out, bool required) {
  out.reset();
  if (!body.contains("locationId") ||
      (body["locationId"].is_string() && body["locationId"].get<std::string>().empty())) {
    if (required) send_error(ctx.res, 400, "locationId is required.");
    return !required;
  }
  const Location* l = body["locationId"].is_string()
                          ? ctx.state.location_by_id(body["locationId"].get<std::string>())
                          : nullptr;
  if (l == nullptr) {
    send_error(ctx.res, 400, "Invalid locationId.");
    return false;
  }
  out = l->uuid;
  return true;
}

std::optional<nlohmann::json> object_body(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return std::nullopt;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The request body must be a JSON object.");
    return std::nullopt;
  }
  return body;
}

void post_call_device_settings(Context& ctx) {
  auto body = object_body(ctx);
  if (!body) return;
  std::optional<std::string> location;
  if (!job_location(ctx, *body, location, false)) return;
  bool enabled = false;
  if (body->contains("locationCustomizationsEnabled")) {
    if (!(*body)["locationCustomizationsEnabled"].is_boolean()) {
      send_error(ctx.res, 400, "locationCustomizationsEnabled must be a boolean.");
      return;
    }
    enabled = (*body)["locationCustomizationsEnabled"].get<bool>();
  }
  auto customizations = body->value("customizations", nlohmann::json::object());
  if (!location && (!body->contains("customizations") || customizations.empty())) {
    send_error(ctx.res, 400, "customizations is required for an organization-wide change.");
    return;
  }
  std::vector<std::string> families(std::begin(kCustomizationFamilies), std::end(kCustomizationFamilies));
  if (auto error = check_customizations(customizations, families)) {
    send_error(ctx.res, 400, *error);
    return;
  }
  if (device_job_running(ctx.state)) {
    send_job_conflict(ctx);
    return;
  }
  auto devices = devices_reached(ctx.state, location);
  auto action = std::make_shared<CallDeviceSettingsAction>(location, enabled, std::move(customizations));
  const auto& job = start_device_job(ctx.state, kCallDeviceSettingsFamily, "calldevicesettings",
                                     std::move(devices), std::move(action));
  // 200, not 202 (§6.10). No deviceCount in this answer: its schema (StartJobResponse) and example lack
  // it (WEBEX_API §14); the job's status reads show it, as their examples do.
  auto answer = job_json(ctx.state, job);
  answer.erase("deviceCount");
  ctx.send_json(200, answer);
}

void post_dynamic_settings(Context& ctx) {
  auto body = object_body(ctx);
  if (!body) return;
  std::optional<std::string> location;
  if (!job_location(ctx, *body, location, false)) return;
  if (!body->contains("tags") || !(*body)["tags"].is_array() || (*body)["tags"].empty()) {
    send_error(ctx.res, 400, "tags is required: at least one {familyOrModelDisplayName, tag, action}.");
    return;
  }
  const auto level = location ? SettingLevel::Location : SettingLevel::Organization;
  std::vector<DynamicChange> changes;
  std::set<std::string> families;
  for (const auto& item : (*body)["tags"]) {
    const auto tag = item.is_object() ? item.value("tag", "") : std::string();
    const auto requested = item.is_object() ? item.value("familyOrModelDisplayName", "") : std::string();
    const auto action = dynamic_action(item.is_object() ? item.value("action", "") : std::string());
    if (tag.empty() || requested.empty() || action.empty()) {
      send_error(ctx.res, 400, "Each tag needs familyOrModelDisplayName, tag and an action SET or CLEAR.");
      return;
    }
    const auto family = resolve_dynamic_family(ctx.state, requested);
    if (family.empty()) {
      send_error(ctx.res, 400, "Invalid familyOrModelDisplayName '" + requested + "' for tag " + tag + ".");
      return;
    }
    std::optional<std::string> value;
    if (auto error = dynamic_write_value(item, action, tag, value)) {
      send_error(ctx.res, 400, *error);
      return;
    }
    if (auto error =
            check_dynamic_write(ctx.state.org.settings.schema.find(family, tag), tag, level, value)) {
      send_error(ctx.res, 400, *error);
      return;
    }
    changes.push_back({family, tag, value});
    families.insert(family);
  }
  if (device_job_running(ctx.state)) {
    send_job_conflict(ctx);
    return;
  }
  std::vector<std::string> devices;
  for (const auto& d : ctx.state.org.devices) {
    if (location && d.location_uuid != *location) continue;
    if (families.count(dynamic_family(ctx.state, d)) != 0) devices.push_back(d.uuid);
  }
  auto action = std::make_shared<DynamicSettingsAction>(location, std::move(changes));
  const auto& job = start_device_job(ctx.state, kDynamicSettingsFamily, "dynamicdevicesettings",
                                     std::move(devices), std::move(action));
  ctx.send_json(202, job_json(ctx.state, job));
}

void post_rebuild_phones(Context& ctx) {
  auto body = object_body(ctx);
  if (!body) return;
  std::optional<std::string> location;
  if (!job_location(ctx, *body, location, true)) return;
  if (device_job_running(ctx.state)) {
    send_job_conflict(ctx);
    return;
  }
  std::vector<std::string> devices;
  for (const auto& d : ctx.state.org.devices) {
    if (d.location_uuid == *location) devices.push_back(d.uuid);
  }
  auto action = std::make_shared<RebuildPhonesAction>(location);
  const auto& job = start_device_job(ctx.state, kRebuildPhonesFamily, "rebuildphones", std::move(devices),
                                     std::move(action));
  ctx.send_json(202, job_json(ctx.state, job));
}

}  // namespace

bool update_in_progress(const State& state, const std::string& family,
                        const std::optional<std::string>& location_uuid) {
  for (const auto* job : running_jobs(state, family)) {
    auto it = state.org.settings.job_actions.find(job->uuid);
    if (it == state.org.settings.job_actions.end()) continue;
    const auto* scoped = dynamic_cast<const ScopedJobAction*>(it->second.get());
    if (scoped == nullptr) continue;
    if (!location_uuid || !scoped->location_uuid() || *scoped->location_uuid() == *location_uuid) return true;
  }
  return false;
}

void add_settings_job_routes(Router& router) {
  router.add("POST", std::string(kBase) + kCallDeviceSettingsFamily, post_call_device_settings);
  router.add("POST", std::string(kBase) + kDynamicSettingsFamily, post_dynamic_settings);
  router.add("POST", std::string(kBase) + kRebuildPhonesFamily, post_rebuild_phones);
}

}  // namespace wx::emulator
