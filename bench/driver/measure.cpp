#include "measure.h"

namespace wx::bench {

Measured measure_wxphones(const e2e::Emulator& emulator, const std::string& operation,
                          const std::vector<std::string>& args, e2e::Result* result) {
  emulator.post("/_emulator/stats/reset");
  e2e::Result r = e2e::run_wxphones(args, emulator.env());
  const nlohmann::json stats = emulator.get("/_emulator/stats");
  Measured m;
  m.operation = operation;
  m.exit_code = r.exit_code;
  m.wall_s = r.wall_s;
  m.cpu_s = r.cpu_s;
  m.peak_rss_bytes = r.peak_rss_bytes;
  m.requests = stats.value("totalRequests", 0);
  m.writes = stats.value("totalWrites", 0);
  m.per_operation = stats.value("requests", nlohmann::json::object());
  if (result) {
    *result = std::move(r);
  }
  return m;
}

void set_latency(const e2e::Emulator& emulator, int ms) {
  emulator.put("/_emulator/latency", {{"ms", ms}});
}

nlohmann::json to_json(const Measured& m) {
  nlohmann::json j = {{"operation", m.operation}, {"phones", m.phones},    {"exitCode", m.exit_code},
                      {"wallSeconds", m.wall_s},  {"cpuSeconds", m.cpu_s}, {"peakRssBytes", m.peak_rss_bytes},
                      {"requests", m.requests},   {"writes", m.writes},    {"perOperation", m.per_operation}};
  if (m.minimum > 0) {
    j["minimumRequests"] = m.minimum;
    j["requestsPerMinimum"] = static_cast<double>(m.requests) / m.minimum;
  }
  if (m.ideal_wall_s > 0) {
    j["idealWallSeconds"] = m.ideal_wall_s;
    j["wallPerIdeal"] = m.wall_s / m.ideal_wall_s;
  }
  if (!m.note.empty()) {
    j["note"] = m.note;
  }
  return j;
}

}  // namespace wx::bench
