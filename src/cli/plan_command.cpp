#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/session.h"
#include "wxphones/cli/command.h"
#include "wxphones/plan/plan_file.h"
#include "wxphones/plan/render.h"

namespace wx::cli {

namespace {

struct PlanFlags {
  std::string dir;
  std::string format = "text";
  bool detailed_exitcode = false;
  std::string out_file;
  ConnectionFlags connection;
};

// Written next to the target and renamed, so a reader never sees half a plan.
bool write_saved_plan(const std::string& path, const nlohmann::json& saved) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << saved.dump(2) << "\n";
    if (!out) {
      std::cerr << "error: cannot write the plan to " << path << "\n";
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::cerr << "error: cannot write the plan to " << path << ": " << ec.message() << "\n";
    return false;
  }
  return true;
}

int run_plan(const PlanFlags& flags) {
  auto manifests = load_valid_manifests(flags.dir, std::cerr);
  if (!manifests) return 1;
  try {
    const std::string manifests_digest = manifests->digest;
    PlannedRun run = plan_against_org(std::move(*manifests), flags.connection, std::cerr);
    if (!flags.out_file.empty() && !has_errors(run.plan.diagnostics) &&
        !write_saved_plan(flags.out_file,
                          saved_plan_json(run.plan, run.live.state, flags.dir, manifests_digest))) {
      return 1;
    }
    if (flags.format == "json") {
      std::cout << plan_to_json(run.plan).dump(2) << "\n";
    } else if (flags.format == "markdown") {
      MarkdownOptions options;
      options.full_plan_hint =
          flags.out_file.empty() ? "`wxphones plan --format json`" : "`" + flags.out_file + "`";
      std::cout << render_markdown(run.plan, options);
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
  cmd->add_option(
      "--out", flags->out_file,
      "Save the plan (JSON, schemas/plan.schema.json) for `wxphones apply FILE`; never holds a token");
  flags->connection.add_to(*cmd);
  cmd->callback([flags, &action] { action = [flags] { return run_plan(*flags); }; });
}

}  // namespace wx::cli
