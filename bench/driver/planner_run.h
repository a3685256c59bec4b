#pragma once
// e. The planner alone: bench/planner's planner_bench, which prints one JSON line.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace wx::bench {

// nullopt (with `why`) when the binary was not built or did not answer one JSON line.
std::optional<nlohmann::json> run_planner_bench(int phones, std::string& why);

}  // namespace wx::bench
