#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/apply_lock.h"
#include "cli/apply_progress.h"
#include "cli/session.h"
#include "manifest/duration.h"
#include "wxphones/cli/command.h"
#include "wxphones/plan/live_digest.h"
#include "wxphones/plan/plan_file.h"
#include "wxphones/plan/render.h"

namespace wx::cli {

namespace {

struct ApplyFlags {
  std::string dir;
  bool auto_approve = false;
  std::string report_file;
  std::string wait_online;  // overrides Project.spec.waits.deviceOnline
  int poll_interval_ms = 1000;
  bool reissue_activation_codes = false;
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

// `apply FILE` with a plan saved by `plan --out`: a JSON file, not a manifest.
bool is_saved_plan(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path);
  char c = 0;
  while (in.get(c) && std::isspace(static_cast<unsigned char>(c))) {
  }
  return c == '{';
}

// Re-reads what the saved plan was made from. Refuses (nullopt) when the manifests or any live object
// changed; an organisation that already matches gives an empty plan (a second apply does nothing).
std::optional<PlannedRun> replan_saved(const std::string& path, const ConnectionFlags& connection) {
  nlohmann::json file;
  try {
    std::ifstream in(path);
    file = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception&) {
    std::cerr << "error: " << path << " is not valid JSON; expected a plan saved by `wxphones plan --out`\n";
    return std::nullopt;
  }
  SavedPlan saved;
  try {
    saved = read_saved_plan(file);
  } catch (const std::exception& e) {
    std::cerr << "error: " << path << ": " << e.what() << "\n";
    return std::nullopt;
  }
  auto manifests = load_valid_manifests(saved.manifests_path, std::cerr);
  if (!manifests) return std::nullopt;
  if (manifests->digest != saved.manifests_digest) {
    std::cerr << "error: the manifests in " << saved.manifests_path
              << " changed since the plan was saved; make the plan again. Nothing was changed.\n";
    return std::nullopt;
  }
  PlannedRun run = plan_against_org(std::move(*manifests), connection, std::cerr);
  if (run.plan.steps.empty()) return run;  // applied already: nothing to do
  const auto stale = stale_objects(saved.live_objects, live_digests(run.live.state));
  if (!stale.empty()) {
    std::cerr << "error: the saved plan is stale: " << stale.size()
              << " objects it was made from changed in Webex since:\n";
    for (const auto& name : stale) std::cerr << "  " << name << "\n";
    std::cerr << "Make the plan again. Nothing was changed.\n";
    return std::nullopt;
  }
  if (!same_steps(plan_to_json(run.plan), saved.plan)) {
    std::cerr
        << "error: the plan made now differs from the saved plan although nothing it read changed; make the "
           "plan again. Nothing was changed.\n";
    return std::nullopt;
  }
  return run;
}

int run_apply(const ApplyFlags& flags) {
  const bool saved = is_saved_plan(flags.dir);
  if (saved && flags.reissue_activation_codes) {
    std::cerr
        << "error: --reissue-activation-codes plans anew; give the manifest directory, not a saved plan. "
           "Nothing was changed.\n";
    return 1;
  }
  std::optional<ManifestSet> manifests;
  if (!saved) {
    manifests = load_valid_manifests(flags.dir, std::cerr);
    if (!manifests) return 1;
  }
  std::string lock_error;
  const auto lock = ApplyLock::acquire(flags.dir, lock_error);
  if (!lock) {
    std::cerr << "error: " << lock_error << "\n";
    return 1;
  }
  try {
    std::optional<PlannedRun> planned;
    if (saved) {
      planned = replan_saved(flags.dir, flags.connection);
      if (!planned) return 1;
    } else {
      PlanOptions plan_options;
      plan_options.reissue_activation_codes = flags.reissue_activation_codes;
      planned = plan_against_org(std::move(*manifests), flags.connection, std::cerr, plan_options);
    }
    PlannedRun& run = *planned;
    const ProjectSpec& project = run.manifests.desired.project;
    ApplyOptions options;
    options.online_deadline = project.device_online_wait;
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
    options.job_deadline = project.job_wait;
    options.job_poll_initial = options.poll_initial;
    options.job_poll_max = options.poll_max;

    if (has_errors(run.plan.diagnostics)) {
      std::cerr << "Apply refused: the plan has errors; nothing was changed.\n";
      return 1;
    }
    if (saved && run.plan.steps.empty()) {
      std::cout << "Nothing to do: the organisation already matches the saved plan (applied before?).\n";
    } else {
      std::cout << render_text(run.plan, {color_enabled()});
    }
    if (run.plan.steps.empty()) {
      if (!flags.report_file.empty() && !write_report(flags.report_file, ApplyReport{})) return 1;
      return 0;
    }
    // A saved plan was reviewed when it was made (Terraform's rule): no second question.
    if (!saved && !flags.auto_approve && !confirmed()) return 1;
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
    if (!report.stopped_because.empty()) {
      std::cerr << "Apply stopped: " << report.stopped_because << " (see the failed step above). " << done
                << " of " << report.outcomes.size()
                << " steps were done before it; the rest were not attempted. Run apply again with a valid "
                   "token: it plans from the live state and continues where this run stopped.\n";
    }
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
  cmd->add_option("dir", flags->dir, "Manifest directory (or file), or a plan saved by `plan --out`")
      ->required();
  cmd->add_flag("--auto-approve", flags->auto_approve, "Apply without asking (CI)");
  cmd->add_flag("--reissue-activation-codes", flags->reissue_activation_codes,
                "Replace the unused activation code of every phone still activating (a lost code)");
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
