#pragma once
// An in-memory WebexApi for unit tests of the core (executor, live reader). It records every call
// so tests can assert on what was read and written. End-to-end tests use the real client instead.
#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "wxphones/util/clock.h"
#include "wxphones/webex/api_error.h"
#include "wxphones/webex/webex_api.h"

namespace wx::test {

class FakeWebexApi final : public WebexApi {
 public:
  std::vector<LiveDevice> devices;
  std::map<std::string, Person> people;  // by email
  std::vector<Workspace> workspaces;
  std::vector<Location> locations;
  std::vector<std::string> calls;        // "POST /devices 001B54AA0001", ...
  std::map<std::string, ApiError> fail;  // call prefix -> error to throw
  int polls_until_online = 1;            // get_devices_by_ids calls before new phones are online
  int next_id = 1;

  int count(const std::string& prefix) const {
    int n = 0;
    for (const auto& c : calls) n += c.rfind(prefix, 0) == 0;
    return n;
  }

  std::vector<LiveDevice> list_devices(const DeviceQuery& q) override {
    record("GET /devices");
    std::vector<LiveDevice> out;
    for (const auto& d : devices) {
      if (!q.person_id.empty() && d.person_id != q.person_id) continue;
      if (!q.workspace_id.empty() && d.workspace_id != q.workspace_id) continue;
      if (!q.mac.empty() && d.mac != q.mac) continue;
      if (!q.location_id.empty() && d.location_id != q.location_id) continue;
      if (!q.tag.empty() && std::find(d.tags.begin(), d.tags.end(), q.tag) == d.tags.end()) continue;
      out.push_back(d);
    }
    return out;
  }
  std::vector<LiveDevice> get_devices_by_ids(const std::vector<std::string>& ids) override {
    record("GET /devices (status)");
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    if (++m_polls >= polls_until_online) {
      for (auto& d : devices) {
        if (d.connection_status != "activating") d.connection_status = "connected";
      }
    }
    std::vector<LiveDevice> out;
    for (const auto& d : devices) {
      for (const auto& id : ids) {
        if (d.id == id) out.push_back(d);
      }
    }
    return out;
  }
  std::vector<OwnerDevice> list_person_devices(const std::string& id) override {
    record("GET owner devices " + id);
    return {};
  }
  std::vector<OwnerDevice> list_workspace_devices(const std::string& id) override {
    record("GET owner devices " + id);
    return {};
  }
  std::optional<Person> find_person_by_email(const std::string& email) override {
    record("GET /people " + email);
    auto it = people.find(email);
    return it == people.end() ? std::nullopt : std::optional<Person>(it->second);
  }
  std::vector<Workspace> find_workspaces_by_name(const std::string& name) override {
    record("GET /workspaces " + name);
    std::vector<Workspace> out;
    for (const auto& w : workspaces) {
      if (w.display_name == name) out.push_back(w);
    }
    return out;
  }
  std::vector<Person> list_people() override {
    record("GET /people");
    std::vector<Person> out;
    for (const auto& [email, p] : people) out.push_back(p);
    return out;
  }
  std::vector<Workspace> list_workspaces() override {
    record("GET /workspaces");
    return workspaces;
  }
  std::vector<Location> list_locations() override {
    record("GET /locations");
    return locations;
  }
  ModelCatalog supported_devices() override {
    record("GET /telephony/config/supportedDevices");
    return ModelCatalog::builtin();
  }
  std::vector<MacStatus> validate_macs(const std::vector<std::string>& macs) override {
    record("POST validateMacs");
    std::vector<MacStatus> out;
    for (const auto& m : macs) {
      const bool in_use =
          std::any_of(devices.begin(), devices.end(), [&](const LiveDevice& d) { return d.mac == m; });
      out.push_back({m, in_use ? "UNAVAILABLE" : "AVAILABLE", std::nullopt, ""});
    }
    return out;
  }
  LiveDevice create_device_by_mac(const CreateDeviceByMac& r) override {
    record("POST /devices " + r.mac);
    LiveDevice d;
    d.id = "NEW" + std::to_string(next_id++);
    d.mac = r.mac;
    d.model = r.model;
    d.person_id = r.person_id;
    d.workspace_id = r.workspace_id;
    d.connection_status = "disconnected";
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    devices.push_back(d);
    return d;
  }
  ActivationCode create_activation_code(const CreateActivationCode& r) override {
    record("POST /devices/activationCode");
    LiveDevice d;
    d.id = "CODE" + std::to_string(next_id++);
    d.model = r.model;
    d.person_id = r.person_id;
    d.workspace_id = r.workspace_id;
    d.connection_status = "activating";
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    devices.push_back(d);
    return {"1234567890123456", "2026-12-01T00:00:00Z"};
  }
  LiveDevice replace_device_tags(const std::string& id, const std::vector<std::string>& tags) override {
    record("PATCH /devices " + id);
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    for (auto& d : devices) {
      if (d.id == id) {
        d.tags = tags;
        return d;
      }
    }
    throw ApiError(404, "PATCH", "/devices/" + id, "device not found", {}, "FAKE_1");
  }
  void delete_device(const std::string& id) override {
    record("DELETE /devices " + id);
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    std::erase_if(devices, [&](const LiveDevice& d) { return d.id == id; });
  }

  // Layouts, templates and the apply-template job, in memory.
  std::map<std::string, Layout> layouts;  // device id -> layout
  std::vector<LineKeyTemplate> templates;
  std::vector<DeviceJob> jobs;
  int job_conflicts = 0;  // 409s to answer before a job starts
  int job_polls_to_finish = 2;
  std::vector<DeviceJobError> job_errors;  // when set, the job finishes COMPLETED_WITH_ERRORS
  int preview_count = -1;                  // -1: the number of devices of the template's model

  Layout get_device_layout(const std::string& id) override {
    record("GET layout " + id);
    auto it = layouts.find(id);
    return it == layouts.end() ? Layout{} : it->second;
  }
  void put_device_layout(const std::string& id, const Layout& layout) override {
    record("PUT layout " + id);
    layouts[id] = layout;
  }
  std::vector<LineKeyTemplate> list_line_key_templates() override {
    record("GET templates");
    return templates;
  }
  LineKeyTemplate get_line_key_template(const std::string& id) override {
    record("GET template " + id);
    for (const auto& t : templates) {
      if (t.id == id) return t;
    }
    throw ApiError(404, "GET", "/telephony/config/devices/lineKeyTemplates/" + id, "not found", {}, "FAKE_2");
  }
  std::string create_line_key_template(const LineKeyTemplate& body) override {
    record("POST template " + body.template_name);
    LineKeyTemplate t = body;
    t.id = "T" + std::to_string(next_id++);
    templates.push_back(t);
    return t.id;
  }
  void update_line_key_template(const std::string& id, const LineKeyTemplate& body) override {
    record("PUT template " + id);
    for (auto& t : templates) {
      if (t.id == id) {
        t.line_keys = body.line_keys;
        t.user_reorder_enabled = body.user_reorder_enabled;
      }
    }
  }
  void delete_line_key_template(const std::string& id) override {
    record("DELETE template " + id);
    std::erase_if(templates, [&](const LineKeyTemplate& t) { return t.id == id; });
  }
  int preview_apply_line_key_template(const ApplyTemplateRequest&) override {
    record("POST preview");
    return preview_count;
  }
  DeviceJob start_apply_line_key_template_job(const ApplyTemplateRequest&) override {
    record("POST job");
    return new_job();
  }
  DeviceJob get_device_job(JobFamily, const std::string& id) override {
    record("GET job " + id);
    for (auto& job : jobs) {
      if (job.id != id) continue;
      if (--job_polls_to_finish <= 0) {
        job.latest_execution_status = "COMPLETED";
        job.latest_execution_exit_code = job_errors.empty() ? "COMPLETED" : "COMPLETED_WITH_ERRORS";
        job.percentage_complete = 100;
        job.updated_count = preview_count - static_cast<int>(job_errors.size());
      }
      return job;
    }
    throw ApiError(404, "GET", "/jobs/" + id, "not found", {}, "FAKE_3");
  }
  std::vector<DeviceJob> list_device_jobs(JobFamily) override { return jobs; }

  // Settings families: plain maps keyed by device / location / owner id; every call recorded.
  std::map<std::string, ScopeCustomizations> device_customizations;
  std::map<std::string, ScopeCustomizations> location_customizations;
  ScopeCustomizations org_customizations;
  std::map<std::string, OwnerDeviceSettings> owner_settings;  // person or workspace id
  std::map<std::string, Hoteling> hoteling;                   // person or workspace id
  DynamicSettingsSchema dynamic_schema = DynamicSettingsSchema::builtin();
  std::map<std::string, std::vector<DynamicSetting>> dynamic;  // "org:FAMILY", "loc:ID:FAMILY", device id
  std::map<std::string, DeviceConfigurations> configurations;  // device id
  std::map<std::string, DeviceMembers> members;                // device id
  std::vector<AvailableMember> available;                      // offered on every device
  std::vector<DeviceSettingsJobRequest> settings_jobs;
  std::vector<DynamicSettingsJobRequest> dynamic_jobs;
  std::vector<std::string> rebuild_jobs;

  ScopeCustomizations get_device_customizations(const std::string& id, const std::string&) override {
    record("GET settings " + id);
    return device_customizations[id];
  }
  void put_device_customizations(const std::string& id, const std::string&,
                                 const ScopeCustomizations& body) override {
    record("PUT settings " + id);
    device_customizations[id] = body;
  }
  ScopeCustomizations get_location_customizations(const std::string& id) override {
    record("GET location settings " + id);
    return location_customizations[id];
  }
  ScopeCustomizations get_org_customizations() override {
    record("GET org settings");
    return org_customizations;
  }
  OwnerDeviceSettings get_person_device_settings(const std::string& id) override {
    record("GET compression " + id);
    return owner_settings[id];
  }
  void put_person_device_settings(const std::string& id, const OwnerDeviceSettings& body) override {
    record("PUT compression " + id);
    owner_settings[id] = body;
  }
  OwnerDeviceSettings get_workspace_device_settings(const std::string& id) override {
    record("GET compression " + id);
    return owner_settings[id];
  }
  void put_workspace_device_settings(const std::string& id, const OwnerDeviceSettings& body) override {
    record("PUT compression " + id);
    owner_settings[id] = body;
  }
  void put_person_hoteling(const std::string& id, const Hoteling& h) override {
    record("PUT person hoteling " + id);
    hoteling[id] = h;
  }
  void put_workspace_hoteling(const std::string& id, const Hoteling& h) override {
    record("PUT workspace hoteling " + id);
    hoteling[id] = h;
  }
  DynamicSettingsSchema get_dynamic_settings_schema(const std::string& family) override {
    record("GET validationSchema " + family);
    return dynamic_schema;
  }
  std::vector<DynamicSetting> get_org_dynamic_settings(const std::string& family,
                                                       const std::vector<std::string>&) override {
    record("POST org getSettings " + family);
    return dynamic["org:" + family];
  }
  std::vector<DynamicSetting> get_location_dynamic_settings(const std::string& location_id,
                                                            const std::string& family,
                                                            const std::vector<std::string>&) override {
    record("POST location getSettings " + location_id);
    return dynamic["loc:" + location_id + ":" + family];
  }
  std::vector<DynamicSetting> get_device_dynamic_settings(const std::string& id,
                                                          const std::vector<std::string>&) override {
    record("POST device getSettings " + id);
    return dynamic[id];
  }
  void put_device_dynamic_settings(const std::string& id,
                                   const std::vector<DynamicSettingChange>& changes) override {
    record("PUT dynamicSettings " + id);
    auto& tags = dynamic[id];
    for (const auto& c : changes) {
      std::erase_if(tags, [&](const DynamicSetting& t) { return t.tag == c.tag; });
      if (c.value) tags.push_back({"", c.tag, c.value, std::nullopt, ""});
    }
  }
  DeviceConfigurations get_device_configurations(const std::string& id,
                                                 const std::vector<std::string>&) override {
    record("GET deviceConfigurations " + id);
    return configurations[id];
  }
  void patch_device_configurations(const std::string& id,
                                   const std::vector<ConfigurationPatch>& patch) override {
    record("PATCH deviceConfigurations " + id);
    for (const auto& p : patch) {
      auto& v = configurations[id][p.key];
      v.value = p.op == ConfigurationPatch::Op::Replace ? p.value : v.default_value;
      v.source = p.op == ConfigurationPatch::Op::Replace ? "configured" : "default";
    }
  }
  DeviceMembers get_device_members(const std::string& id) override {
    record("GET members " + id);
    return members[id];
  }
  void put_device_members(const std::string& id, const std::vector<DeviceMember>& list) override {
    record("PUT members " + id);
    members[id].members = list;
  }
  std::vector<AvailableMember> search_available_members(const std::string& id,
                                                        const std::string& name) override {
    record("GET availableMembers " + id + " " + name);
    return available;
  }
  void apply_changes(const std::string& id) override { record("POST applyChanges " + id); }
  DeviceJob start_device_settings_job(const DeviceSettingsJobRequest& request) override {
    record("POST callDeviceSettings");
    DeviceJob job = new_job();
    settings_jobs.push_back(request);
    return job;
  }
  DeviceJob start_dynamic_settings_job(const DynamicSettingsJobRequest& request) override {
    record("POST dynamicDeviceSettings");
    DeviceJob job = new_job();
    dynamic_jobs.push_back(request);
    return job;
  }
  DeviceJob start_rebuild_phones_job(const std::string& location_id) override {
    record("POST rebuildPhones " + location_id);
    DeviceJob job = new_job();
    rebuild_jobs.push_back(location_id);
    return job;
  }
  std::vector<DeviceJobError> list_device_job_errors(JobFamily, const std::string& id) override {
    record("GET job errors " + id);
    return job_errors;
  }
  std::string post_message(const std::string& room_id, const std::string&) override {
    record("POST /messages " + room_id);
    return "message-" + std::to_string(calls.size());
  }

 private:
  DeviceJob new_job() {
    if (job_conflicts > 0) {
      --job_conflicts;
      throw ApiError(409, "POST", "/telephony/config/jobs/devices/...", "job running", {}, "FAKE_409");
    }
    DeviceJob job;
    job.id = "JOB" + std::to_string(next_id++);
    job.tracking_id = "TRACK_" + job.id;
    job.latest_execution_status = "STARTED";
    jobs.push_back(job);
    return job;
  }
  void record(const std::string& call) {
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    calls.push_back(call);
    for (const auto& [prefix, error] : fail) {
      if (call.rfind(prefix, 0) == 0) throw error;
    }
  }
  std::recursive_mutex m_mutex;
  int m_polls = 0;
};

// A clock that advances only when the executor sleeps.
class FakeClock final : public Clock {
 public:
  time_point now() override { return m_now; }
  void sleep_for(std::chrono::milliseconds d) override {
    m_now += d;
    slept += d;
  }
  std::chrono::milliseconds slept{0};

 private:
  time_point m_now{};
};

}  // namespace wx::test
