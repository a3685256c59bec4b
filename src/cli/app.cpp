#include "wxphones/cli/app.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "wxphones/cli/command.h"

namespace wx::cli {

namespace {

// Logs go to stderr so stdout stays machine-readable (plan --format json).
void setup_logging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("wxphones");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%^%l%$: %v");
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"wxphones: Cisco Webex Calling desk phones as code"};
  app.require_subcommand(1);
  std::string log_level = "warn";
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  CommandAction action;
  add_validate_command(app, action);
  add_plan_command(app, action);
  add_apply_command(app, action);
  add_rebuild_command(app, action);
  add_drift_command(app, action);
  add_jobs_command(app, action);
  add_export_command(app, action);
  add_emulator_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  setup_logging(log_level);
  return action ? action() : 1;
}

}  // namespace wx::cli
