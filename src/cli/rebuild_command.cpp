// wxphones rebuild --location NAME: one rebuild-phones job (after a location's network settings
// change), waited for and reported like apply's jobs.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "cli/apply_progress.h"
#include "cli/session.h"
#include "manifest/duration.h"
#include "wxphones/apply/executor.h"
#include "wxphones/cli/command.h"
#include "wxphones/plan/scope_settings_planner.h"

namespace wx::cli {

namespace {

struct RebuildFlags {
  std::string location;
  std::string org_id;
  std::string job_wait = "20m";
  std::string report_file;
  int poll_interval_ms = 2000;
  ConnectionFlags connection;
};

int run_rebuild(const RebuildFlags& flags) {
  auto deadline = manifest::parse_duration(flags.job_wait);
  if (!deadline) {
    std::cerr << "error: --job-wait: \"" << flags.job_wait
              << "\" is not a duration; expected e.g. 90s, 20m\n";
    return 1;
  }
  try {
    auto api = connect(flags.connection, flags.org_id.empty() ? std::nullopt : std::optional(flags.org_id));
    std::string location_id;
    for (const auto& l : api->list_locations()) {
      if (l.name == flags.location) location_id = l.id;
    }
    if (location_id.empty()) {
      std::cerr
          << "error: --location: no location named \"" << flags.location
          << "\" in the organisation; expected the name of an existing location. Nothing was started.\n";
      return 1;
    }
    Plan plan;
    plan.steps.push_back(rebuild_phones_step(flags.location, location_id, "wxphones rebuild"));
    ApplyOptions options;
    options.job_deadline = *deadline;
    options.job_poll_initial = std::chrono::milliseconds(flags.poll_interval_ms);
    options.job_poll_max = std::max(options.job_poll_initial, std::chrono::milliseconds(15000));
    ApplyProgress progress(std::cout, stdout_is_terminal());
    const ApplyReport report = execute_plan(plan, *api, options, progress);
    const auto& outcome = report.outcomes.front();
    std::cout << "Rebuild of " << flags.location << ": " << status_name(outcome.status) << ": "
              << outcome.message;
    if (!outcome.tracking_id.empty()) std::cout << " (trackingId " << outcome.tracking_id << ")";
    std::cout << "\n";
    if (!flags.report_file.empty()) {
      std::ofstream out(flags.report_file, std::ios::trunc);
      out << report.to_json().dump(2) << "\n";
    }
    return report.exit_code();
  } catch (const std::exception& e) {
    return report_failure(e, std::cerr);
  }
}

}  // namespace

void add_rebuild_command(CLI::App& app, CommandAction& action) {
  auto flags = std::make_shared<RebuildFlags>();
  auto* cmd =
      app.add_subcommand("rebuild", "Rebuild the phones of a location (after its network settings change)");
  cmd->add_option("--location", flags->location, "Location name")->required();
  cmd->add_option("--org-id", flags->org_id, "Organisation (partner administrators)");
  cmd->add_option("--job-wait", flags->job_wait, "How long to wait for the job")->capture_default_str();
  cmd->add_option("--report", flags->report_file, "Write a JSON report to FILE");
  cmd->add_option("--poll-interval-ms", flags->poll_interval_ms, "First job poll interval; backs off to 15s")
      ->check(CLI::Range(10, 60000))
      ->group("");
  flags->connection.add_to(*cmd);
  cmd->callback([flags, &action] { action = [flags] { return run_rebuild(*flags); }; });
}

}  // namespace wx::cli
