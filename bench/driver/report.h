#pragma once
// The figures as Markdown (the README's results section) and as JSON.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario.h"

namespace wx::bench {

struct Report {
  int latency_ms = 20;
  int concurrency = 16;
  std::vector<ScenarioResult> results;
  std::optional<nlohmann::json> planner;  // planner_bench's line
  std::string planner_note;               // why it is absent
  nlohmann::json machine;
};

nlohmann::json describe_machine();
// The targets for one N, each with its figure and "met" or "**missed**".
std::vector<std::string> target_lines(const ScenarioResult& result);
std::string to_markdown(const Report& report);
nlohmann::json to_json(const Report& report);

// Replaces the text between the results markers of FILE (adding them at the end when absent).
void replace_readme_section(const std::string& path, const std::string& markdown);

}  // namespace wx::bench
