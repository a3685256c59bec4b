#pragma once
#include <functional>

namespace CLI {
class App;
}

namespace wx::cli {

// Each subcommand lives in its own file and registers itself on the root app. When the
// subcommand is chosen, CLI11's callback stores what to run in `action`; run() calls it and
// returns its exit code.
using CommandAction = std::function<int()>;

void add_validate_command(CLI::App& app, CommandAction& action);
void add_plan_command(CLI::App& app, CommandAction& action);
void add_apply_command(CLI::App& app, CommandAction& action);
void add_emulator_command(CLI::App& app, CommandAction& action);
void add_rebuild_command(CLI::App& app, CommandAction& action);
void add_drift_command(CLI::App& app, CommandAction& action);
void add_jobs_command(CLI::App& app, CommandAction& action);
void add_export_command(CLI::App& app, CommandAction& action);

}  // namespace wx::cli
