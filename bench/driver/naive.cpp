#include "naive.h"

#include <sys/resource.h>

#include <chrono>
#include <stdexcept>

#include <httplib.h>

namespace wx::bench {

namespace {

class NaiveClient {
 public:
  explicit NaiveClient(int port) : m_client("127.0.0.1", port) {
    m_client.set_keep_alive(true);
    m_client.set_read_timeout(60, 0);
    m_headers = {{"Authorization", std::string("Bearer ") + e2e::kDemoToken}};
  }

  nlohmann::json get(const std::string& path, const httplib::Params& params = {}) {
    return check(m_client.Get(("/v1" + path).c_str(), params, m_headers), "GET " + path);
  }

  nlohmann::json post(const std::string& path, const std::string& query = "") {
    return check(m_client.Post(("/v1" + path + query).c_str(), m_headers, "{}", "application/json"),
                 "POST " + path);
  }

  int requests() const { return m_requests; }

 private:
  nlohmann::json check(const httplib::Result& res, const std::string& what) {
    ++m_requests;
    if (!res || res->status >= 300) {
      throw std::runtime_error("naive baseline: " + what + " failed" +
                               (res ? ": status " + std::to_string(res->status) : std::string()));
    }
    return res->body.empty() ? nlohmann::json::object() : nlohmann::json::parse(res->body);
  }

  httplib::Client m_client;
  httplib::Headers m_headers;
  int m_requests = 0;
};

std::string first_id(const nlohmann::json& list, const std::string& what) {
  const auto& items = list.value("items", nlohmann::json::array());
  if (items.empty()) {
    throw std::runtime_error("naive baseline: no " + what);
  }
  return items[0].value("id", "");
}

void read_phone(NaiveClient& c, const BenchPhone& p) {
  if (p.workspace_owned) {
    first_id(c.get("/workspaces", {{"displayName", p.owner}}), "workspace " + p.owner);
  } else {
    first_id(c.get("/people", {{"email", p.owner}}), "person " + p.owner);
  }
  const std::string id = first_id(c.get("/devices", {{"mac", p.mac}}), "phone " + p.mac);
  const std::string device = "/telephony/config/devices/" + id;
  if (p.layout != LayoutKind::None) {
    c.get(device + "/layout");
  }
  if (p.member) {
    c.get(device + "/members");
  }
  if (p.customizations) {
    c.get(device + "/settings", {{"deviceModel", p.model}});
  }
  if (p.dynamic_settings) {
    c.post("/telephony/config/lists/devices/" + id + "/dynamicSettings/actions/getSettings/invoke");
  }
  if (p.configurations) {
    c.get("/deviceConfigurations", {{"deviceId", id}});
  }
}

}  // namespace

Measured run_naive_baseline(const BenchOrg& org, const e2e::Emulator& emulator) {
  emulator.post("/_emulator/stats/reset");
  rusage before{};
  getrusage(RUSAGE_THREAD, &before);
  const auto start = std::chrono::steady_clock::now();
  NaiveClient c(emulator.port());
  for (const auto& p : org.phones) {
    read_phone(c, p);
  }
  for (const auto& t : c.get("/telephony/config/devices/lineKeyTemplates")["lineKeyTemplates"]) {
    c.get("/telephony/config/devices/lineKeyTemplates/" + t.value("id", ""));
  }
  c.get("/telephony/config/devices/settings");
  c.post("/telephony/config/lists/devices/dynamicSettings/actions/getSettings/invoke",
         "?familyOrModelDisplayName=Cisco%209800");
  for (int l : org.settings_locations) {
    const std::string id = first_id(c.get("/locations", {{"name", org.locations[l]}}), org.locations[l]);
    c.get("/telephony/config/locations/" + id + "/devices/settings");
  }
  Measured m;
  m.operation = "naive baseline (reads, 1 at a time)";
  m.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage after{};
  getrusage(RUSAGE_THREAD, &after);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  m.cpu_s = secs(after.ru_utime) + secs(after.ru_stime) - secs(before.ru_utime) - secs(before.ru_stime);
  m.phones = org.phone_count;
  m.exit_code = 0;
  const nlohmann::json stats = emulator.get("/_emulator/stats");
  m.requests = stats.value("totalRequests", 0);
  m.writes = stats.value("totalWrites", 0);
  m.per_operation = stats.value("requests", nlohmann::json::object());
  if (m.requests != c.requests()) {
    m.note = "client counted " + std::to_string(c.requests()) + " requests";
  }
  return m;
}

}  // namespace wx::bench
