#include "report.h"

#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>
#include <thread>

namespace wx::bench {

namespace {

constexpr const char* kBegin = "<!-- bench:results:begin -->";
constexpr const char* kEnd = "<!-- bench:results:end -->";

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

std::string first_line_with(const std::string& file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      const auto colon = line.find(':');
      std::string value = colon == std::string::npos ? line : line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(" \t"));
      return value;
    }
  }
  return "";
}

const Measured* find_run(const ScenarioResult& r, const std::string& prefix) {
  for (const auto& m : r.runs) {
    if (m.operation.rfind(prefix, 0) == 0) {
      return &m;
    }
  }
  return nullptr;
}

std::string row(const Measured& m) {
  std::ostringstream s;
  s << "| " << m.operation << " | " << m.phones << " | " << fixed(m.wall_s, 2) << " | " << fixed(m.cpu_s, 2)
    << " | " << (m.peak_rss_bytes > 0 ? fixed(m.peak_rss_bytes / 1048576.0, 1) : "-") << " | " << m.requests
    << " | " << m.writes << " | " << (m.minimum > 0 ? std::to_string(m.minimum) : "-") << " | "
    << (m.minimum > 0 ? fixed(static_cast<double>(m.requests) / m.minimum, 2) : "-") << " | "
    << (m.ideal_wall_s > 0 ? fixed(m.wall_s / m.ideal_wall_s, 2) : "-") << " |\n";
  return s.str();
}

// Minimum next to the no-op plan's per-operation counts, so a difference is easy to explain.
std::string breakdown(const ScenarioResult& r, const Measured& noop) {
  std::ostringstream s;
  s << "\n<details><summary>No-op plan requests by operation vs. the minimum</summary>\n\n"
    << "| operation | minimum | no-op plan |\n|---|---:|---:|\n";
  std::set<std::string> seen;
  for (const auto& part : r.minimum.parts) {
    seen.insert(part.what);
    s << "| `" << part.what << "` | " << part.requests << " | " << noop.per_operation.value(part.what, 0)
      << " |\n";
  }
  for (const auto& [op, count] : noop.per_operation.items()) {
    if (!seen.contains(op)) {
      s << "| `" << op << "` | 0 | " << count.get<int>() << " |\n";
    }
  }
  s << "| **total** | " << r.minimum.total() << " | " << noop.requests << " |\n\n</details>\n";
  return s.str();
}

}  // namespace

std::vector<std::string> target_lines(const ScenarioResult& r) {
  std::vector<std::string> lines;
  auto verdict = [](bool met) { return std::string(met ? "met" : "**missed**"); };
  if (const Measured* noop = find_run(r, "no-op plan")) {
    const double ratio = static_cast<double>(noop->requests) / std::max(1, noop->minimum);
    lines.push_back("no-op requests " + fixed(ratio, 2) + " × minimum (≤ 1.05: " + verdict(ratio <= 1.05) +
                    ")");
    if (noop->ideal_wall_s > 0) {
      const double wall = noop->wall_s / noop->ideal_wall_s;
      lines.push_back("no-op wall " + fixed(wall, 2) + " × requests×L÷C (≤ 1.3: " + verdict(wall <= 1.3) +
                      ")");
    }
    if (r.naive && noop->wall_s > 0) {
      const double speedup = r.naive->wall_s / noop->wall_s;
      lines.push_back(fixed(speedup, 1) + "× faster than naive (≥ 10: " + verdict(speedup >= 10) + ")");
    }
  }
  if (const Measured* tpl = find_run(r, "apply template change")) {
    lines.push_back("template change " + std::to_string(tpl->writes) +
                    " writes (≤ 10: " + verdict(tpl->writes <= 10) + ")");
  }
  return lines;
}

nlohmann::json describe_machine() {
  utsname u{};
  uname(&u);
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char date[64];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  return {{"nproc", std::thread::hardware_concurrency()},
          {"cpu", first_line_with("/proc/cpuinfo", "model name")},
          {"memTotal", first_line_with("/proc/meminfo", "MemTotal")},
          {"kernel", u.release},
          {"date", date}};
}

std::string to_markdown(const Report& report) {
  std::ostringstream s;
  const auto& m = report.machine;
  s << "Run `"
    << "wxphones_bench --latency-ms " << report.latency_ms << " --concurrency " << report.concurrency
    << "` on " << m.value("nproc", 0) << " cores (" << m.value("cpu", std::string()) << "), "
    << m.value("memTotal", std::string()) << ", Linux " << m.value("kernel", std::string()) << ", "
    << m.value("date", std::string()) << ". Latency L = " << report.latency_ms
    << " ms per request, concurrency C = " << report.concurrency << ".\n";
  for (const auto& r : report.results) {
    const auto& f = r.facts;
    s << "\n### N = " << r.phones << " phones\n\n"
      << f.value("people", 0) << " people, " << f.value("workspaces", 0) << " workspaces, "
      << f.value("locations", 0) << " locations, " << f.value("templates", 0)
      << " templates (t0: " << f.value("t0Phones", 0) << " phones); declared: " << f.value("noLayout", 0)
      << " phones without layout, " << f.value("inlineLayout", 0) << " inline layouts, "
      << f.value("members", 0) << " with members, " << f.value("customizations", 0) << " customizations, "
      << f.value("dynamicSettings", 0) << " dynamic settings, " << f.value("configurations", 0)
      << " configurations; DeviceSettings for the org and " << f.value("settingsLocations", 0)
      << " locations.\n\n"
      << "| operation | phones | wall s | CPU s | peak RSS MiB | requests | writes | minimum | "
         "requests/minimum | "
         "wall/(requests×L÷C) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& run : r.runs) {
      s << row(run);
    }
    if (r.naive) {
      s << row(*r.naive);
    }
    for (const auto& run : r.runs) {
      if (!run.note.empty()) {
        s << "\n- " << run.operation << ": " << run.note;
      }
    }
    const Measured* noop = find_run(r, "no-op plan");
    if (r.naive && noop && noop->wall_s > 0 && noop->requests > 0) {
      s << "\n- wxphones no-op plan / naive: requests "
        << fixed(static_cast<double>(noop->requests) / r.naive->requests, 3) << ", wall "
        << fixed(noop->wall_s / r.naive->wall_s, 3) << " (" << fixed(r.naive->wall_s / noop->wall_s, 1)
        << "× faster)";
    }
    s << "\n- targets: ";
    for (const auto& line : target_lines(r)) {
      s << line << "; ";
    }
    for (const auto& failure : r.failures) {
      s << "\n- **failed**: " << failure;
    }
    s << "\n";
    if (noop) {
      s << breakdown(r, *noop);
    }
  }
  if (report.results.size() >= 2) {
    const Measured* a = find_run(report.results.front(), "no-op plan");
    const Measured* b = find_run(report.results.back(), "no-op plan");
    const int dn = report.results.back().phones - report.results.front().phones;
    if (a && b && dn != 0) {
      s << "\nMemory: the no-op plan's peak RSS grows by "
        << fixed(static_cast<double>(b->peak_rss_bytes - a->peak_rss_bytes) / dn, 0) << " bytes per phone ("
        << report.results.front().phones << " → " << report.results.back().phones << " phones).\n";
    }
  }
  s << "\nPlanner alone (`planner_bench --phones 100000`, no network): ";
  if (report.planner) {
    const auto& p = *report.planner;
    s << p.value("phones", 0) << " phones, " << fixed(p.value("wall_s", 0.0), 3) << " s wall, "
      << fixed(p.value("cpu_s", 0.0), 3) << " s CPU, " << fixed(p.value("peak_rss_bytes", 0.0) / 1048576.0, 1)
      << " MiB peak RSS, " << p.value("steps", 0) << " steps.\n";
  } else {
    s << "not run (" << report.planner_note << ").\n";
  }
  return s.str();
}

nlohmann::json to_json(const Report& report) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& r : report.results) {
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& m : r.runs) {
      runs.push_back(to_json(m));
    }
    nlohmann::json minimum = nlohmann::json::object();
    for (const auto& part : r.minimum.parts) {
      minimum[part.what] = part.requests;
    }
    nlohmann::json entry = {{"phones", r.phones},
                            {"facts", r.facts},
                            {"minimum", minimum},
                            {"minimumTotal", r.minimum.total()},
                            {"runs", runs},
                            {"failures", r.failures},
                            {"setupSeconds", r.setup_s}};
    if (r.naive) {
      entry["naive"] = to_json(*r.naive);
    }
    results.push_back(entry);
  }
  nlohmann::json out = {{"latencyMs", report.latency_ms},
                        {"concurrency", report.concurrency},
                        {"machine", report.machine},
                        {"results", results}};
  if (report.planner) {
    out["planner"] = *report.planner;
  } else {
    out["plannerNote"] = report.planner_note;
  }
  return out;
}

void replace_readme_section(const std::string& path, const std::string& markdown) {
  std::string text;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  const std::string section = std::string(kBegin) + "\n" + markdown + kEnd;
  const auto begin = text.find(kBegin);
  const auto end = begin == std::string::npos ? std::string::npos : text.find(kEnd, begin);
  if (begin == std::string::npos || end == std::string::npos) {
    if (!text.empty() && text.back() != '\n') {
      text += '\n';
    }
    text += (text.empty() ? "" : "\n") + section + "\n";
  } else {
    text.replace(begin, end + std::string(kEnd).size() - begin, section);
  }
  std::ofstream(path) << text;
}

}  // namespace wx::bench
