#pragma once
// The fault mix of the soak: what share of ALL API requests fails, and how.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx::soak {

struct FaultShare {
  std::string what;      // for the figures
  double share;          // of all API requests, 0..1
  nlohmann::json fault;  // POST /_emulator/faults format, without probability
};

// 5% 5xx (500, 503 before the operation; 502, 504 after it: the change happened, the answer was
// lost), 5% 429 with Retry-After 1 (half without a body), 1% connection resets (half after the
// operation ran).
std::vector<FaultShare> soak_fault_mix();

// The emulator's faults match in order and each draws on its own, so a later fault only sees the
// requests the earlier ones let through: its probability is its share over what is left.
nlohmann::json faults_json(const std::vector<FaultShare>& mix);

}  // namespace wx::soak
