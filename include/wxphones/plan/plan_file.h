#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/live.h"
#include "wxphones/plan/plan.h"

namespace wx {

// A saved plan (`plan --out FILE`, format: schemas/plan.schema.json): the JSON plan, where its
// manifests were and their digest, and a digest of every live object it was made from. Never a
// token, never a secret value (the plan JSON redacts them).
struct SavedPlan {
  nlohmann::json plan;  // plan_to_json() of the plan
  std::string manifests_path;
  std::string manifests_digest;
  std::map<std::string, std::string> live_objects;  // readable name -> digest
};

nlohmann::json saved_plan_json(const Plan& plan, const LiveState& live, const std::string& manifests_path,
                               const std::string& manifests_digest);

// Throws std::runtime_error naming what is wrong (not a plan file, another major version).
SavedPlan read_saved_plan(const nlohmann::json& file);

// Live objects that changed (or disappeared, or appeared) since the plan was saved, by name.
std::vector<std::string> stale_objects(const std::map<std::string, std::string>& saved,
                                       const std::map<std::string, std::string>& now);

// Whether two JSON plans would do the same thing (steps and their operations).
bool same_steps(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace wx
