#include "scenario.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>
#include <stdexcept>

#include "bench_files.h"
#include "naive.h"

namespace wx::bench {

namespace {

using Args = std::vector<std::string>;

nlohmann::json facts_of(const BenchOrg& org) {
  int no_layout = 0, inline_layout = 0, members = 0, customizations = 0, dynamic = 0, configurations = 0;
  for (const auto& p : org.phones) {
    no_layout += p.layout == LayoutKind::None ? 1 : 0;
    inline_layout += p.layout == LayoutKind::Inline ? 1 : 0;
    members += p.member ? 1 : 0;
    customizations += p.customizations ? 1 : 0;
    dynamic += p.dynamic_settings ? 1 : 0;
    configurations += p.configurations ? 1 : 0;
  }
  return {{"phones", org.phone_count},
          {"locations", org.locations.size()},
          {"people", org.people},
          {"workspaces", org.workspaces},
          {"templates", org.templates.size()},
          {"t0Phones", org.count_template_users("t0")},
          {"noLayout", no_layout},
          {"inlineLayout", inline_layout},
          {"members", members},
          {"customizations", customizations},
          {"dynamicSettings", dynamic},
          {"configurations", configurations},
          {"settingsLocations", org.settings_locations.size()}};
}

class Session {
 public:
  Session(const ScenarioOptions& options, const std::string& dir)
      : m_options(options), m_dir(dir), m_emulator(dir + "/seed.yaml", e2e::EmulatorOptions{1000.0, false}) {}

  const e2e::Emulator& emulator() const { return m_emulator; }

  // An unmeasured run at latency 0 that must end with `expected`.
  void must(const Args& args, int expected, const std::string& what) {
    set_latency(m_emulator, 0);
    e2e::Result r = e2e::run_wxphones(args, m_emulator.env());
    if (r.exit_code != expected) {
      throw std::runtime_error(what + ": exit " + std::to_string(r.exit_code) + " (expected " +
                               std::to_string(expected) + ")\n" + tail(r.out) + tail(r.err));
    }
  }

  Measured measured(const std::string& operation, const Args& args, int expected, ScenarioResult& out,
                    e2e::Result* result = nullptr) {
    set_latency(m_emulator, m_options.latency_ms);
    Measured m = measure_wxphones(m_emulator, operation, args, result);
    set_latency(m_emulator, 0);
    m.ideal_wall_s = static_cast<double>(m.requests) * m_options.latency_ms / 1000.0 / m_options.concurrency;
    if (m.exit_code != expected) {
      out.failures.push_back(operation + ": exit " + std::to_string(m.exit_code) + ", expected " +
                             std::to_string(expected));
    }
    return m;
  }

  Args plan(bool json = false) const {
    Args a{"plan", manifests(), "--detailed-exitcode", "--max-in-flight",
           std::to_string(m_options.concurrency)};
    if (json) {
      a.insert(a.end(), {"--format", "json"});
    }
    return a;
  }

  Args apply(int max_in_flight) const {
    return {"apply",
            manifests(),
            "--auto-approve",
            "--max-in-flight",
            std::to_string(max_in_flight),
            "--poll-interval-ms",
            "100"};
  }

  std::string manifests() const { return m_dir + "/manifests"; }

  // Device ids of the jobs started since `before` jobs existed.
  int phones_in_jobs_since(std::size_t before) const {
    const nlohmann::json state = m_emulator.state();
    int phones = 0;
    const auto& jobs = state["jobs"];
    for (std::size_t i = before; i < jobs.size(); ++i) {
      phones += static_cast<int>(jobs[i].value("deviceIds", nlohmann::json::array()).size());
    }
    return phones;
  }

  std::size_t job_count() const { return m_emulator.state()["jobs"].size(); }

 private:
  static std::string tail(const std::string& text) {
    return text.size() > 2000 ? "..." + text.substr(text.size() - 2000) : text;
  }

  const ScenarioOptions& m_options;
  std::string m_dir;
  e2e::Emulator m_emulator;
};

// The phones a JSON plan's steps act on: a step's target, its operation's phone, or the phones of
// a job (an apply-template job repairs many phones in one step).
std::set<std::string> phones_named_in_plan(const std::string& plan_json) {
  std::set<std::string> names;
  const nlohmann::json plan = nlohmann::json::parse(plan_json, nullptr, false);
  if (!plan.is_object()) {
    return names;
  }
  for (const auto& step : plan.value("steps", nlohmann::json::array())) {
    names.insert(step.value("target", ""));
    const auto& op = step.value("operation", nlohmann::json::object());
    if (op.contains("phone") && op["phone"].is_object()) {
      names.insert(op["phone"].value("name", ""));
    }
    for (const auto& phone : op.value("phones", nlohmann::json::array())) {
      if (phone.is_object()) {
        names.insert(phone.value("name", ""));
      }
    }
  }
  return names;
}

// b. 10% of the phones that declare a layout get another one in "Control Hub"; the plan must show
// them. Their layouts are put back afterwards so the next runs measure only their own change.
void drift_run(const BenchOrg& org, Session& s, ScenarioResult& out) {
  const nlohmann::json state = s.emulator().state();
  std::vector<std::pair<const BenchPhone*, nlohmann::json>> drifted;
  int declaring = 0;
  for (const auto& p : org.phones) {
    if (p.layout == LayoutKind::None || declaring++ % 10 != 0) {
      continue;
    }
    for (const auto& d : state["devices"]) {
      if (d.value("mac", "") == p.mac) {
        drifted.emplace_back(&p, d["layout"]);
      }
    }
  }
  const nlohmann::json drift = {{"layoutMode", "CUSTOM"},
                                {"lineKeys",
                                 {{{"lineKeyIndex", 1}, {"lineKeyType", "PRIMARY_LINE"}},
                                  {{"lineKeyIndex", 2},
                                   {"lineKeyType", "SPEED_DIAL"},
                                   {"lineKeyLabel", "Drift"},
                                   {"lineKeyValue", "9999"}}}}};
  for (const auto& [p, layout] : drifted) {
    s.emulator().put("/_emulator/devices/" + p->mac + "/layout", drift);
  }
  e2e::Result r;
  Measured m = s.measured("plan after 10% drift", s.plan(true), 2, out, &r);
  m.phones = static_cast<int>(drifted.size());
  const std::set<std::string> named = phones_named_in_plan(r.out);
  int shown = 0;
  for (const auto& [p, layout] : drifted) {
    shown += named.contains(p->name) ? 1 : 0;
  }
  m.note =
      std::to_string(shown) + " of " + std::to_string(drifted.size()) + " drifted phones in the JSON plan";
  if (shown != static_cast<int>(drifted.size())) {
    out.failures.push_back("plan after drift: " + m.note);
  }
  out.runs.push_back(m);
  for (const auto& [p, layout] : drifted) {
    s.emulator().put("/_emulator/devices/" + p->mac + "/layout", layout);
  }
  s.must(s.plan(), 0, "no-op plan after the drift was put back");
}

}  // namespace

ScenarioResult run_scenario(int phones, const ScenarioOptions& options) {
  ScenarioResult out;
  out.phones = phones;
  const BenchOrg org = make_bench_org(phones);
  out.facts = facts_of(org);
  out.minimum = minimum_noop_requests(org);

  std::string dir =
      options.keep_dir.empty() ? e2e::temp_dir() : options.keep_dir + "/n" + std::to_string(phones);
  std::filesystem::create_directories(dir + "/manifests");
  Revisions revisions;
  write_seed(org, dir + "/seed.yaml");
  write_manifests(org, dir + "/manifests", revisions);
  const auto setup_start = std::chrono::steady_clock::now();
  {
    e2e::Result v = e2e::run_wxphones({"validate", dir + "/manifests"});
    if (v.exit_code != 0) {
      throw std::runtime_error("the generated manifests do not validate:\n" + v.out + v.err);
    }
  }
  Session s(options, dir);
  std::cerr << "N=" << phones << ": setup (apply at latency 0)\n";
  s.must(s.apply(16), 0, "setup apply");
  s.must(s.plan(), 0, "no-op plan after the setup");
  out.setup_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - setup_start).count();

  std::cerr << "N=" << phones << ": measured runs\n";
  // a. no-op plan
  Measured noop = s.measured("no-op plan", s.plan(), 0, out);
  noop.phones = phones;
  noop.minimum = out.minimum.total();
  out.runs.push_back(noop);

  // b. drift
  if (!options.quick) {
    drift_run(org, s, out);
  }

  // c. template change: t0's label, one job to every 9861.
  revisions.template_t0 += 1;
  write_templates(org, s.manifests(), revisions);
  std::size_t jobs_before = s.job_count();
  Measured tpl = s.measured("apply template change (t0)", s.apply(options.concurrency), 0, out);
  tpl.phones = s.phones_in_jobs_since(jobs_before);
  tpl.note = std::to_string(org.count_template_users("t0")) + " phones use t0; " +
             std::to_string(tpl.phones) + " reached by jobs";
  out.runs.push_back(tpl);
  e2e::Result after = e2e::run_wxphones(s.plan(), s.emulator().env());
  if (after.exit_code != 0) {
    out.failures.push_back("no-op plan after the template change: exit " + std::to_string(after.exit_code));
  }

  // d. one location's DeviceSettings value.
  revisions.location_value += 1;
  write_settings(org, s.manifests(), revisions);
  jobs_before = s.job_count();
  Measured loc = s.measured("apply location settings change", s.apply(options.concurrency), 0, out);
  loc.phones = s.phones_in_jobs_since(jobs_before);
  loc.note = "phones counted by the settings job";
  out.runs.push_back(loc);

  if (options.naive) {
    std::cerr << "N=" << phones << ": naive baseline\n";
    set_latency(s.emulator(), options.latency_ms);
    out.naive = run_naive_baseline(org, s.emulator());
    set_latency(s.emulator(), 0);
  }
  if (options.keep_dir.empty()) {
    std::filesystem::remove_all(dir);
  }
  return out;
}

}  // namespace wx::bench
