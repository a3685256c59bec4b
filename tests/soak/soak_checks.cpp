#include "soak_checks.h"

#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace wx::soak {

RetryCount& RetryCount::operator+=(const RetryCount& other) {
  failure_retries += other.failure_retries;
  throttle_waits += other.throttle_waits;
  max_failure_attempt = std::max(max_failure_attempt, other.max_failure_attempt);
  max_throttle_attempt = std::max(max_throttle_attempt, other.max_throttle_attempt);
  over_limit.insert(over_limit.end(), other.over_limit.begin(), other.over_limit.end());
  return *this;
}

RetryCount count_retries(const std::string& log_text) {
  static const std::regex retry(R"(retry (\d+) of (\d+))");
  RetryCount out;
  std::istringstream lines(log_text);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, retry)) continue;
    const int attempt = std::stoi(m[1].str());
    const int limit = std::stoi(m[2].str());
    if (attempt > limit) out.over_limit.push_back(line);
    if (line.find("Retry-After") != std::string::npos) {
      ++out.throttle_waits;
      out.max_throttle_attempt = std::max(out.max_throttle_attempt, attempt);
    } else {
      ++out.failure_retries;
      out.max_failure_attempt = std::max(out.max_failure_attempt, attempt);
    }
  }
  return out;
}

WriteFindings check_writes(const nlohmann::json& write_log) {
  WriteFindings out;
  out.dropped = write_log.value("dropped", 0L);
  std::map<std::string, int> created;
  for (const auto& item : write_log.value("items", nlohmann::json::array())) {
    ++out.requests;
    const std::string operation = item.value("operation", "");
    const bool create_operation =
        operation == "POST /devices" || operation == "POST /telephony/config/devices/lineKeyTemplates";
    if (create_operation && item["handledStatus"] == 409) ++out.refused_creates;
    if (!item.contains("created")) continue;
    const auto& c = item["created"];
    const std::string key =
        c.value("kind", "") + " " + (c.contains("mac") ? c.value("mac", "") : c.value("name", ""));
    ++out.creates;
    const int status = item.value("status", 0);
    if (status < 200 || status >= 300) ++out.lost_creates;
    if (++created[key] == 2) out.duplicates.push_back(key);
  }
  return out;
}

std::vector<std::string> check_state(const nlohmann::json& state, const bench::BenchOrg& org) {
  std::vector<std::string> problems;
  std::map<std::string, int> macs;
  for (const auto& d : state.value("devices", nlohmann::json::array())) {
    if (d["mac"].is_string()) ++macs[d["mac"].get<std::string>()];
  }
  for (const auto& [mac, n] : macs) {
    if (n > 1) problems.push_back("MAC " + mac + " is on " + std::to_string(n) + " devices");
  }
  for (const auto& p : org.phones) {
    if (!macs.contains(p.mac)) problems.push_back("phone " + p.name + " (" + p.mac + ") was never created");
  }
  if (macs.size() != org.phones.size()) {
    problems.push_back(std::to_string(macs.size()) + " devices with a MAC, " +
                       std::to_string(org.phones.size()) + " declared");
  }
  std::map<std::string, int> templates;
  for (const auto& t : state.value("lineKeyTemplates", nlohmann::json::array())) {
    ++templates[t.value("templateName", "")];
  }
  for (const auto& t : org.templates) {
    const int n = templates.contains(t.name) ? templates[t.name] : 0;
    if (n != 1) problems.push_back("template " + t.name + " exists " + std::to_string(n) + " times");
  }
  return problems;
}

std::vector<std::string> self_test() {
  using nlohmann::json;
  std::vector<std::string> missed;
  const json device = {{"kind", "device"}, {"mac", "0B0000000001"}, {"id", "D1"}};
  const json log = {
      {"dropped", 0},
      {"items",
       {{{"operation", "POST /devices"}, {"status", 502}, {"handledStatus", 200}, {"created", device}},
        {{"operation", "POST /devices"}, {"status", 200}, {"handledStatus", 200}, {"created", device}},
        {{"operation", "POST /devices"}, {"status", 409}, {"handledStatus", 409}},
        {{"operation", "PUT /x"}, {"status", 204}, {"handledStatus", 204}}}}};
  const auto w = check_writes(log);
  if (w.duplicates.size() != 1) missed.push_back("check_writes missed a device created twice");
  if (w.refused_creates != 1) missed.push_back("check_writes missed a repeated create (409)");
  if (w.lost_creates != 1 || w.creates != 2 || w.requests != 4) missed.push_back("check_writes miscounted");

  const auto org = bench::make_bench_org(20);
  json devices = json::array();
  for (std::size_t i = 1; i < org.phones.size(); ++i) devices.push_back({{"mac", org.phones[i].mac}});
  devices.push_back({{"mac", org.phones[1].mac}});
  json templates = json::array();
  for (const auto& t : org.templates) templates.push_back({{"templateName", t.name}});
  templates.push_back({{"templateName", org.templates.front().name}});
  const auto problems = check_state({{"devices", devices}, {"lineKeyTemplates", templates}}, org);
  auto reported = [&](const std::string& part) {
    for (const auto& p : problems) {
      if (p.find(part) != std::string::npos) return true;
    }
    return false;
  };
  if (!reported(org.phones[0].mac)) missed.push_back("check_state missed a phone never created");
  if (!reported("MAC " + org.phones[1].mac)) missed.push_back("check_state missed a MAC on two devices");
  if (!reported("template " + org.templates.front().name)) {
    missed.push_back("check_state missed a template twice");
  }

  const auto r = count_retries(
      "debug: GET /devices: retry 6 of 5 in 10 ms\n"
      "info: GET /people -> 429; waiting 1000 ms as asked (Retry-After), retry 2 of 20\n");
  if (r.failure_retries != 1 || r.throttle_waits != 1 || r.over_limit.size() != 1 ||
      r.max_throttle_attempt != 2) {
    missed.push_back("count_retries misread the retry lines");
  }
  return missed;
}

}  // namespace wx::soak
