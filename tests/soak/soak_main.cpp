// wxphones_soak (issue 7): apply 1,000 phones (layouts, templates, members, settings) against an
// emulator that fails 11% of all API requests (5xx, 429, resets) with latency jitter, until a plan
// shows no changes; then prove convergence, no duplicate creates and bounded retries.
// See tests/README.md ("Soak").
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <httplib.h>

#include "bench_files.h"
#include "bench_org.h"
#include "harness.h"
#include "soak_checks.h"
#include "soak_faults.h"

namespace {

using Args = std::vector<std::string>;

struct Options {
  int phones = 1000;
  int max_runs = 4;
  int concurrency = 16;
  int jitter_ms = 20;
  double time_scale = 1000;
  std::uint64_t seed = 2024;
  std::string keep_dir;
};

struct Run {
  std::string what;
  int exit_code = -1;
  double wall_s = 0;
  long requests = 0;
  long writes = 0;
  long faults = 0;
  wx::soak::RetryCount retries;
};

struct Counters {
  long requests = 0;
  long writes = 0;
  long faults = 0;  // faults that answered (delays are not counted: the soak uses none)
};

Counters counters(const e2e::Emulator& emulator) {
  const auto stats = emulator.get("/_emulator/stats");
  Counters c;
  c.requests = stats.value("totalRequests", 0L);
  c.writes = stats.value("totalWrites", 0L);
  c.faults = stats.value("totalFaultsFired", 0L) - stats["faultsFired"].value("delay", 0L);
  return c;
}

std::string tail(const std::string& text) {
  return text.size() > 3000 ? "..." + text.substr(text.size() - 3000) : text;
}

// Runs wxphones at debug level (for the retry lines) and counts what the emulator saw meanwhile.
Run run(const e2e::Emulator& emulator, const std::string& what, const Args& args) {
  const Counters before = counters(emulator);
  Args full{"--log-level", "debug"};
  full.insert(full.end(), args.begin(), args.end());
  const e2e::Result r = e2e::run_wxphones(full, emulator.env());
  const Counters after = counters(emulator);
  Run out;
  out.what = what;
  out.exit_code = r.exit_code;
  out.wall_s = r.wall_s;
  out.requests = after.requests - before.requests;
  out.writes = after.writes - before.writes;
  out.faults = after.faults - before.faults;
  out.retries = wx::soak::count_retries(r.err);
  std::fprintf(
      stderr,
      "soak: %-26s exit %d  %6.1f s  %6ld requests  %5ld writes  %4ld faults  %4d retries  %4d waits\n",
      what.c_str(), r.exit_code, r.wall_s, out.requests, out.writes, out.faults, out.retries.failure_retries,
      out.retries.throttle_waits);
  if (r.exit_code != 0 && r.exit_code != 2) std::cerr << tail(r.out) << tail(r.err) << "\n";
  return out;
}

// Faults off and no jitter, for the verdict.
void clear_faults(const e2e::Emulator& emulator) {
  httplib::Client client("127.0.0.1", emulator.port());
  auto r = client.Delete("/_emulator/faults");
  if (!r || r->status != 204) throw std::runtime_error("cannot clear the emulator's faults");
  emulator.put("/_emulator/latency", {{"jitterMs", 0}});
}

nlohmann::json run_json(const Run& r) {
  return {{"run", r.what},
          {"exitCode", r.exit_code},
          {"wallSeconds", r.wall_s},
          {"requests", r.requests},
          {"writes", r.writes},
          {"faults", r.faults},
          {"retries", r.retries.failure_retries},
          {"retryAfterWaits", r.retries.throttle_waits}};
}

nlohmann::json figures_json(const Options& o, int applies, const std::vector<Run>& runs,
                            const Counters& totals, const nlohmann::json& faults_fired,
                            const wx::soak::WriteFindings& writes, const wx::soak::RetryCount& retries,
                            double wall_s) {
  auto per_run = nlohmann::json::array();
  for (const auto& r : runs) per_run.push_back(run_json(r));
  return {{"phones", o.phones},
          {"applies", applies},
          {"concurrency", o.concurrency},
          {"latencyJitterMs", o.jitter_ms},
          {"faultSeed", o.seed},
          {"requestsUnderFaults", totals.requests},
          {"writesUnderFaults", totals.writes},
          {"faultsFired", totals.faults},
          {"faultsByKind", faults_fired},
          {"retries", retries.failure_retries},
          {"retryAfterWaits", retries.throttle_waits},
          {"maxRetryOfOneRequest", retries.max_failure_attempt},
          {"maxRetryAfterWaitsOfOneRequest", retries.max_throttle_attempt},
          {"writeLog",
           {{"nonGetRequests", writes.requests},
            {"creates", writes.creates},
            {"createsWithLostAnswer", writes.lost_creates},
            {"repeatedCreates", writes.refused_creates},
            {"duplicates", writes.duplicates.size()}}},
          {"wallSeconds", wall_s},
          {"runs", per_run}};
}

// The bench seed minus its devices: the soak's phones are all created by wxphones.
void write_empty_org_seed(const wx::bench::BenchOrg& org, const std::string& path) {
  wx::bench::write_seed(org, path);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string seed = text.str();
  const auto devices = seed.find("\ndevices:\n");
  if (devices == std::string::npos) throw std::runtime_error("the bench seed has no devices section");
  seed = seed.substr(0, devices) + "\ndevices: []\n";
  std::ofstream(path) << seed;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"wxphones soak test (issue 7): apply N phones under injected faults until converged"};
  Options o;
  app.add_option("--phones", o.phones, "Phones to apply")
      ->check(CLI::Range(20, 100000))
      ->capture_default_str();
  app.add_option("--max-runs", o.max_runs, "Applies allowed before failing")->capture_default_str();
  app.add_option("--concurrency", o.concurrency, "wxphones --max-in-flight")->capture_default_str();
  app.add_option("--jitter-ms", o.jitter_ms, "Emulator latency jitter 0..N ms")->capture_default_str();
  app.add_option("--seed", o.seed, "Emulator --fault-seed")->capture_default_str();
  app.add_option("--keep-dir", o.keep_dir, "Keep the generated seed and manifests here");
  std::string json_file;
  app.add_option("--json", json_file, "Also write the figures to FILE");
  CLI11_PARSE(app, argc, argv);

  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> failures;
  try {
    for (const auto& miss : wx::soak::self_test()) failures.push_back("checker self-test: " + miss);
    if (!failures.empty()) throw std::runtime_error("the soak's own checks are broken");
    const auto org = wx::bench::make_bench_org(o.phones);
    const std::string dir = o.keep_dir.empty() ? e2e::temp_dir() : o.keep_dir;
    std::filesystem::create_directories(dir + "/manifests");
    write_empty_org_seed(org, dir + "/seed.yaml");
    wx::bench::write_manifests(org, dir + "/manifests", wx::bench::Revisions{});
    const auto mix = wx::soak::soak_fault_mix();
    std::ofstream(dir + "/faults.json") << wx::soak::faults_json(mix).dump(2);

    e2e::EmulatorOptions emulator_options;
    emulator_options.time_scale = o.time_scale;
    emulator_options.record_traffic = false;
    emulator_options.extra_args = {"--faults",
                                   dir + "/faults.json",
                                   "--fault-seed",
                                   std::to_string(o.seed),
                                   "--latency-jitter-ms",
                                   std::to_string(o.jitter_ms)};
    e2e::Emulator emulator(dir + "/seed.yaml", emulator_options);
    const std::string manifests = dir + "/manifests";
    const Args apply{"apply",
                     manifests,
                     "--auto-approve",
                     "--max-in-flight",
                     std::to_string(o.concurrency),
                     "--poll-interval-ms",
                     "100"};
    const Args plan{"plan", manifests, "--detailed-exitcode", "--max-in-flight",
                    std::to_string(o.concurrency)};

    std::vector<Run> runs;
    int applies = 0;
    bool converged = false;
    while (applies < o.max_runs && !converged) {
      ++applies;
      runs.push_back(run(emulator, "apply " + std::to_string(applies), apply));
      runs.push_back(run(emulator, "plan " + std::to_string(applies) + " (under faults)", plan));
      converged = runs.back().exit_code == 0;
    }
    if (!converged) failures.push_back("no empty plan after " + std::to_string(applies) + " applies");

    // The final verdict is read without faults, so a fault cannot hide a difference.
    const Counters totals = counters(emulator);
    const auto faults_fired = emulator.get("/_emulator/stats")["faultsFired"];
    clear_faults(emulator);
    runs.push_back(run(emulator, "plan without faults", plan));
    if (runs.back().exit_code != 0) {
      failures.push_back("the plan without faults is not empty (exit " +
                         std::to_string(runs.back().exit_code) + "): the state differs from the manifests");
    }

    const auto findings = wx::soak::check_writes(emulator.get("/_emulator/writes"));
    for (const auto& key : findings.duplicates) failures.push_back("created twice: " + key);
    if (findings.refused_creates > 0) {
      failures.push_back(std::to_string(findings.refused_creates) +
                         " creates repeated for an existing key (409)");
    }
    if (findings.dropped > 0) {
      failures.push_back("the write log overflowed: the duplicate check is incomplete");
    }
    for (const auto& problem : wx::soak::check_state(emulator.state(), org)) failures.push_back(problem);

    wx::soak::RetryCount retries;
    for (const auto& r : runs) retries += r.retries;
    for (const auto& line : retries.over_limit) failures.push_back("retry over its limit: " + line);
    if (totals.faults > 0 && (retries.failure_retries == 0 || retries.throttle_waits == 0)) {
      failures.push_back(
          "faults fired but the client never retried (or its retry lines are gone from the debug log)");
    }
    // Every retry answers a failure, and every failure here is an injected fault.
    if (retries.failure_retries + retries.throttle_waits > totals.faults) {
      failures.push_back(std::to_string(retries.failure_retries + retries.throttle_waits) + " retries for " +
                         std::to_string(totals.faults) + " faults");
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto figures = figures_json(o, applies, runs, totals, faults_fired, findings, retries, wall);
    std::cout << figures.dump(2) << std::endl;
    if (!json_file.empty()) std::ofstream(json_file) << figures.dump(2) << "\n";
    if (o.keep_dir.empty()) std::filesystem::remove_all(dir);
  } catch (const std::exception& e) {
    failures.push_back(std::string("soak aborted: ") + e.what());
  }
  for (const auto& f : failures) std::cerr << "soak: FAIL: " << f << "\n";
  const double total_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "soak: " << (failures.empty() ? "ok" : "FAILED") << " in " << total_s << " s\n";
  return failures.empty() ? 0 : 1;
}
