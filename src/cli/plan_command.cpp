#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/session.h"
#include "wxphones/cli/command.h"
#include "wxphones/plan/render.h"

namespace wx::cli {

namespace {

struct PlanFlags {
  std::string dir;
  std::string format = "text";
  bool detailed_exitcode = false;
  ConnectionFlags connection;
};

int run_plan(const PlanFlags& flags) {
  auto manifests = load_valid_manifests(flags.dir, std::cerr);
  if (!manifests) return 1;
  try {
    PlannedRun run = plan_against_org(std::move(*manifests), flags.connection, std::cerr);
    if (flags.format == "json") {
      std::cout << plan_to_json(run.plan).dump(2) << "\n";
    } else if (flags.format == "markdown") {
      std::cout << render_markdown(run.plan);
    } else {
      std::cout << render_text(run.plan, {color_enabled()});
    }
    if (has_errors(run.plan.diagnostics)) return 1;
    return flags.detailed_exitcode && run.plan.summary().has_changes() ? 2 : 0;
  } catch (const std::exception& e) {
    return report_failure(e, std::cerr);
  }
}

}  // namespace

void add_plan_command(CLI::App& app, CommandAction& action) {
  auto flags = std::make_shared<PlanFlags>();
  auto* cmd =
      app.add_subcommand("plan", "Read the live organisation, diff it with the manifests, print the plan");
  cmd->add_option("dir", flags->dir, "Manifest directory (or file)")->required();
  cmd->add_option("--format", flags->format, "Output: text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  cmd->add_flag("--detailed-exitcode", flags->detailed_exitcode,
                "Exit 0 when nothing changes, 2 when it does, 1 on error");
  flags->connection.add_to(*cmd);
  cmd->callback([flags, &action] { action = [flags] { return run_plan(*flags); }; });
}

}  // namespace wx::cli
