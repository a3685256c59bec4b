#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "cli/apply_progress.h"
#include "cli/session.h"
#include "manifest/duration.h"
#include "wxphones/cli/command.h"
#include "wxphones/plan/render.h"

namespace wx::cli {

namespace {

struct ApplyFlags {
  std::string dir;
  bool auto_approve = false;
  std::string report_file;
  std::string wait_online;  // overrides Project.spec.waits.deviceOnline
  int poll_interval_ms = 1000;
  ConnectionFlags connection;
};

bool confirmed() {
  if (isatty(STDIN_FILENO) != 1) {
    std::cerr << "error: apply needs --auto-approve when not run from a terminal; nothing was changed.\n";
    return false;
  }
  std::cout << "\nDo you want to perform these actions? Only 'yes' will be accepted: " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  if (answer == "yes") return true;
  std::cout << "Apply cancelled; nothing was changed.\n";
  return false;
}

bool write_report(const std::string& path, const ApplyReport& report) {
  std::ofstream out(path, std::ios::trunc);
  out << report.to_json().dump(2) << "\n";
  if (!out) {
    std::cerr << "error: cannot write the report to " << path << "\n";
    return false;
  }
  return true;
}

int run_apply(const ApplyFlags& flags) {
  auto manifests = load_valid_manifests(flags.dir, std::cerr);
  if (!manifests) return 1;
  try {
    ApplyOptions options;
    options.online_deadline = manifests->desired.project.device_online_wait;
    if (!flags.wait_online.empty()) {
      auto parsed = manifest::parse_duration(flags.wait_online);
      if (!parsed) {
        std::cerr << "error: --wait-online: \"" << flags.wait_online
                  << "\" is not a duration; expected e.g. 90s, 30m, 1h\n";
        return 1;
      }
      options.online_deadline = *parsed;
    }
    options.poll_initial = std::chrono::milliseconds(flags.poll_interval_ms);
    options.poll_max = std::max(options.poll_initial, std::chrono::milliseconds(15000));
    options.parallelism = flags.connection.max_in_flight;
    options.job_deadline = manifests->desired.project.job_wait;
    options.job_poll_initial = options.poll_initial;
    options.job_poll_max = options.poll_max;

    PlannedRun run = plan_against_org(std::move(*manifests), flags.connection, std::cerr);
    if (has_errors(run.plan.diagnostics)) {
      std::cerr << "Apply refused: the plan has errors; nothing was changed.\n";
      return 1;
    }
    std::cout << render_text(run.plan, {color_enabled()});
    if (run.plan.steps.empty()) {
      if (!flags.report_file.empty() && !write_report(flags.report_file, ApplyReport{})) return 1;
      return 0;
    }
    if (!flags.auto_approve && !confirmed()) return 1;
    std::cout << "\n";
    ApplyProgress progress(std::cout, stdout_is_terminal());
    ApplyReport report = execute_plan(run.plan, *run.api, options, progress);
    int done = 0, pending = 0, failed = 0;
    for (const auto& o : report.outcomes) {
      if (o.status == StepStatus::Done) ++done;
      if (o.status == StepStatus::Pending) ++pending;
      if (o.status == StepStatus::Failed || o.status == StepStatus::Skipped) ++failed;
    }
    std::cout << "\nApply " << (report.exit_code() == 0 ? "complete" : "incomplete") << ": " << done
              << " done, " << pending << " pending, " << failed << " failed.";
    if (pending > 0) std::cout << " Run apply again to continue once the phones are online.";
    std::cout << "\n";
    if (!flags.report_file.empty() && !write_report(flags.report_file, report)) return 1;
    return report.exit_code();
  } catch (const std::exception& e) {
    return report_failure(e, std::cerr);
  }
}

}  // namespace

void add_apply_command(CLI::App& app, CommandAction& action) {
  auto flags = std::make_shared<ApplyFlags>();
  auto* cmd = app.add_subcommand("apply", "Plan, then make the organisation match the manifests");
  cmd->add_option("dir", flags->dir, "Manifest directory (or file)")->required();
  cmd->add_flag("--auto-approve", flags->auto_approve, "Apply without asking (CI)");
  cmd->add_option("--report", flags->report_file, "Write a JSON report (outcomes, activation codes) to FILE");
  cmd->add_option(
      "--wait-online", flags->wait_online,
      "How long to wait for phones to come online (default: Project spec.waits.deviceOnline, 30m)");
  cmd->add_option("--poll-interval-ms", flags->poll_interval_ms,
                  "First status poll interval; backs off to 15s")
      ->check(CLI::Range(10, 60000))
      ->group("");
  flags->connection.add_to(*cmd);
  cmd->callback([flags, &action] { action = [flags] { return run_apply(*flags); }; });
}

}  // namespace wx::cli
