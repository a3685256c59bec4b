#pragma once
// The benchmark at one N: generate, start the emulator, set up (not measured), then the measured
// runs of issue 6 (no-op plan, plan after drift, template change, location settings change) and the
// naive baseline.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "measure.h"
#include "minimum.h"

namespace wx::bench {

struct ScenarioOptions {
  int latency_ms = 20;
  int concurrency = 16;
  bool quick = false;  // no drift run, no naive baseline
  bool naive = true;
  std::string keep_dir;  // empty: a temporary directory
};

struct ScenarioResult {
  int phones = 0;
  nlohmann::json facts = nlohmann::json::object();  // the generated mix
  Minimum minimum;
  std::vector<Measured> runs;  // in the order run; runs[0] is the no-op plan
  std::optional<Measured> naive;
  std::vector<std::string> failures;  // a run that did not do what it must (wrong exit code...)
  double setup_s = 0;
};

ScenarioResult run_scenario(int phones, const ScenarioOptions& options);

}  // namespace wx::bench
