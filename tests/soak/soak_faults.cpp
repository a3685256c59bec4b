#include "soak_faults.h"

#include <stdexcept>

namespace wx::soak {

std::vector<FaultShare> soak_fault_mix() {
  using nlohmann::json;
  return {
      {"500", 0.0125, {{"status", 500}}},
      {"503", 0.0125, {{"status", 503}}},
      {"502 after the operation", 0.0125, {{"status", 502}, {"afterHandling", true}}},
      {"504 after the operation", 0.0125, {{"status", 504}, {"afterHandling", true}}},
      {"429 Retry-After 1", 0.025, {{"status", 429}, {"retryAfter", 1}}},
      {"429 Retry-After 1, no body", 0.025, {{"status", 429}, {"retryAfter", 1}, {"emptyBody", true}}},
      {"reset", 0.005, {{"closeConnection", true}}},
      {"reset after the operation", 0.005, {{"closeConnection", true}, {"afterHandling", true}}},
  };
}

nlohmann::json faults_json(const std::vector<FaultShare>& mix) {
  auto out = nlohmann::json::array();
  double left = 1.0;
  for (const auto& entry : mix) {
    if (entry.share <= 0 || entry.share >= left) throw std::invalid_argument("fault shares must sum below 1");
    nlohmann::json fault = entry.fault;
    fault["probability"] = entry.share / left;
    fault["count"] = -1;
    out.push_back(std::move(fault));
    left -= entry.share;
  }
  return out;
}

}  // namespace wx::soak
