#include "wxphones/cli/app.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/logging_setup.h"
#include "wxphones/cli/command.h"

namespace wx::cli {

int run(int argc, char** argv) {
  CLI::App app{"wxphones: Cisco Webex Calling desk phones as code"};
  app.require_subcommand(1);
  std::string log_level = "warn";
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  std::string log_format = "text";
  app.add_option("--log-format", log_format, "text, or json (one object per line, for CI log collectors)")
      ->check(CLI::IsMember({"text", "json"}))
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
  setup_logging(log_level, log_format == "json" ? LogFormat::Json : LogFormat::Text);
  return action ? action() : 1;
}

}  // namespace wx::cli
