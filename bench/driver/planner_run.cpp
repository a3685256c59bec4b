#include "planner_run.h"

#include <cstdio>
#include <filesystem>

namespace wx::bench {

std::optional<nlohmann::json> run_planner_bench(int phones, std::string& why) {
  const std::string binary = WX_PLANNER_BENCH;
  if (binary.empty() || !std::filesystem::exists(binary)) {
    why = "planner_bench not built";
    return std::nullopt;
  }
  const std::string command = "'" + binary + "' --phones " + std::to_string(phones);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    why = "cannot start planner_bench";
    return std::nullopt;
  }
  std::string out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe)) {
    out += buf;
  }
  const int status = pclose(pipe);
  // The JSON line is the last line printed.
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) {
    out.pop_back();
  }
  const auto line_start = out.rfind('\n');
  const std::string line = line_start == std::string::npos ? out : out.substr(line_start + 1);
  if (status != 0 || line.empty() || line.front() != '{') {
    why = "planner_bench failed (status " + std::to_string(status) + "): " + out;
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception&) {
    why = "planner_bench printed no JSON line: " + out;
    return std::nullopt;
  }
}

}  // namespace wx::bench
