#pragma once
// An in-memory WebexApi for unit tests of the core (executor, live reader). It records every call
// so tests can assert on what was read and written. End-to-end tests use the real client instead.
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
  std::vector<OwnerDevice> list_person_devices(const std::string&) override { return {}; }
  std::vector<OwnerDevice> list_workspace_devices(const std::string&) override { return {}; }
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
    for (const auto& m : macs) out.push_back({m, "AVAILABLE", std::nullopt, ""});
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

 private:
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
