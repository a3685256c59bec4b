// wxphones_bench: wxphones against the emulator at N phones (issue 6). See bench/README.md.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "planner_run.h"
#include "report.h"
#include "scenario.h"

namespace {

constexpr int kQuickPhones = 60;
constexpr int kPlannerPhones = 100000;

std::vector<int> parse_phones(const std::string& list) {
  std::vector<int> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    const int n = std::stoi(item);
    if (n < 20) {
      throw std::invalid_argument("--phones: each N must be at least 20 (one phone per location)");
    }
    out.push_back(n);
  }
  return out;
}

// Quick mode checks only what is deterministic: request and write counts, exit codes.
int check_quick(const wx::bench::ScenarioResult& r) {
  std::vector<std::string> misses = r.failures;
  const auto& noop = r.runs.front();
  if (noop.requests > 1.05 * noop.minimum) {
    misses.push_back("no-op plan made " + std::to_string(noop.requests) +
                     " requests, more than 1.05 x the minimum " + std::to_string(noop.minimum));
  }
  for (const auto& m : r.runs) {
    if (m.operation.rfind("apply template change", 0) == 0 && m.writes > 10) {
      misses.push_back("template change made " + std::to_string(m.writes) + " writes (target <= 10)");
    }
  }
  for (const auto& miss : misses) {
    std::cerr << "bench_quick: MISS: " << miss << "\n";
  }
  if (misses.empty()) {
    std::cerr << "bench_quick: ok (no-op plan " << noop.requests << " requests, minimum " << noop.minimum
              << ")\n";
  }
  return misses.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "wxphones benchmark driver (issue 6): generate an org of N phones, run wxphones against the emulator"};
  std::string phones = "1000,10000";
  int latency_ms = 20;
  int concurrency = 16;
  int naive_max = 1000;
  bool quick = false;
  std::string readme, json_file, keep_dir;
  app.add_option("--phones", phones, "Comma-separated phone counts")->capture_default_str();
  app.add_option("--latency-ms", latency_ms, "Emulated latency per request in the measured runs")
      ->capture_default_str();
  app.add_option("--concurrency", concurrency, "wxphones --max-in-flight in the measured runs")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--naive-max-phones", naive_max, "Run the naive baseline up to this N")
      ->capture_default_str();
  app.add_flag("--quick", quick, "CI mode: N=60, latency 0, request-count checks only; exit 1 on a miss");
  app.add_option("--readme", readme, "Replace the results section of this Markdown file");
  app.add_option("--json", json_file, "Write every figure as JSON to FILE");
  app.add_option("--keep-dir", keep_dir, "Keep the generated seed and manifests under DIR/nN");
  CLI11_PARSE(app, argc, argv);

  try {
    wx::bench::Report report;
    report.machine = wx::bench::describe_machine();
    std::vector<int> counts = quick ? std::vector<int>{kQuickPhones} : parse_phones(phones);
    report.latency_ms = quick ? 0 : latency_ms;
    report.concurrency = concurrency;
    for (int n : counts) {
      wx::bench::ScenarioOptions options;
      options.latency_ms = report.latency_ms;
      options.concurrency = concurrency;
      options.quick = quick;
      options.naive = !quick && n <= naive_max;
      options.keep_dir = keep_dir;
      report.results.push_back(wx::bench::run_scenario(n, options));
    }
    if (quick) {
      report.planner_note = "quick mode";
    } else {
      std::cerr << "planner_bench --phones " << kPlannerPhones << "\n";
      report.planner = wx::bench::run_planner_bench(kPlannerPhones, report.planner_note);
    }
    const std::string markdown = wx::bench::to_markdown(report);
    std::cout << markdown;
    if (!json_file.empty()) {
      std::ofstream(json_file) << wx::bench::to_json(report).dump(2) << "\n";
    }
    if (!readme.empty()) {
      wx::bench::replace_readme_section(readme, markdown);
    }
    if (quick) {
      return check_quick(report.results.front());
    }
    int failures = 0;
    for (const auto& r : report.results) {
      failures += static_cast<int>(r.failures.size());
    }
    return failures == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "wxphones_bench: " << e.what() << "\n";
    return 1;
  }
}
