#pragma once
// One measured wxphones run: the child's wall, CPU and peak RSS (wait4) and the requests the
// emulator counted for it (its stats are reset just before).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace wx::bench {

struct Measured {
  std::string operation;
  int phones = 0;  // phones the operation concerns (declared, drifted or reached)
  int exit_code = -1;
  double wall_s = 0;
  double cpu_s = 0;
  long peak_rss_bytes = 0;
  int requests = 0;
  int writes = 0;
  nlohmann::json per_operation = nlohmann::json::object();  // stats "requests"
  int minimum = 0;                                          // 0: no minimum defined for this run
  double ideal_wall_s = 0;                                  // requests x L / C
  std::string note;
};

// Runs `wxphones ARGS` against the emulator, measured; keeps the child's output in `result`.
Measured measure_wxphones(const e2e::Emulator& emulator, const std::string& operation,
                          const std::vector<std::string>& args, e2e::Result* result = nullptr);

// Sets the emulator's per-request latency (control API, not counted).
void set_latency(const e2e::Emulator& emulator, int ms);

nlohmann::json to_json(const Measured& m);

}  // namespace wx::bench
