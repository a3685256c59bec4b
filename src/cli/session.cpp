#include "cli/session.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "wxphones/manifest/diagnostic_printer.h"
#include "wxphones/plan/plan.h"
#include "wxphones/plan/planner.h"
#include "wxphones/util/secrets.h"
#include "wxphones/webex/access_token.h"
#include "wxphones/webex/api_error.h"
#include "wxphones/webex/client_config.h"
#include "wxphones/webex/webex_client.h"

namespace wx::cli {

void ConnectionFlags::add_to(CLI::App& command) {
  command.add_option("--token-file", token_file,
                     "File holding the Webex access token (default: environment WEBEX_ACCESS_TOKEN)");
  command.add_option("--max-in-flight", max_in_flight, "Webex requests in flight at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command.add_option("--request-timeout", request_timeout_s, "Seconds to wait for one Webex response")
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
}

std::optional<ManifestSet> load_valid_manifests(const std::filesystem::path& dir, std::ostream& err) {
  ManifestSet manifests = load_manifests(dir);
  if (!manifests.diagnostics.empty()) {
    DiagnosticPrinter printer;
    printer.print(err, manifests.diagnostics);
  }
  if (has_errors(manifests.diagnostics)) {
    err << diagnostics_summary(manifests.diagnostics) << "; nothing was sent to Webex.\n";
    return std::nullopt;
  }
  return manifests;
}

ClientConfig client_config(const ConnectionFlags& flags, const std::optional<std::string>& org_id) {
  ClientConfig config;
  if (const char* base = std::getenv("WEBEX_API_BASE_URL"); base && *base) config.base_url = base;
  config.refresh = resolve_refresh_credentials();
  config.access_token = resolve_access_token(flags.token_file, !config.refresh.has_value());
  config.max_in_flight = flags.max_in_flight;
  config.timeout = std::chrono::seconds(flags.request_timeout_s);
  if (org_id) config.org_id = *org_id;
  return config;
}

std::unique_ptr<WebexApi> connect(const ConnectionFlags& flags, const std::optional<std::string>& org_id) {
  return make_http_webex_api(client_config(flags, org_id));
}

PlannedRun plan_against_org(ManifestSet manifests, const ConnectionFlags& flags, std::ostream& err,
                            PlanOptions options) {
  PlannedRun run;
  run.api = connect(flags, manifests.desired.project.org_id);
  run.live = read_live_state(manifests.desired, *run.api, LiveReadOptions{flags.max_in_flight});
  run.plan = make_plan(manifests.desired, run.live.state, options);
  // A template job is kept only when Webex's preview selects the phones the planner counted.
  std::vector<PlanNote> preview_notes;
  for (const auto& step : run.plan.steps) {
    const auto* job = std::get_if<ApplyTemplateJob>(&step.operation);
    if (!job) continue;
    const int count = run.api->preview_apply_line_key_template(job->request);
    if (count == job->expected_count) continue;
    options.no_bulk_templates.insert(job->template_name);
    preview_notes.push_back(
        {job->template_name, "the job preview selects " + std::to_string(count) + " phones, not the " +
                                 std::to_string(job->expected_count) +
                                 " that use the template: layouts are written per phone"});
  }
  if (!options.no_bulk_templates.empty()) {
    run.plan = make_plan(manifests.desired, run.live.state, options);
    run.plan.notes.insert(run.plan.notes.end(), preview_notes.begin(), preview_notes.end());
  }
  run.plan.diagnostics.insert(run.plan.diagnostics.begin(), run.live.diagnostics.begin(),
                              run.live.diagnostics.end());
  if (!run.plan.diagnostics.empty()) {
    DiagnosticPrinter printer;
    printer.print(err, run.plan.diagnostics);
    if (has_errors(run.plan.diagnostics)) err << diagnostics_summary(run.plan.diagnostics) << "\n";
  }
  run.manifests = std::move(manifests);
  return run;
}

int report_failure(const std::exception& error, std::ostream& err) {
  // ApiError's text already names the status and the trackingId.
  err << "error: " << redact(error.what()) << "\n";
  return 1;
}

bool stdout_is_terminal() {
  return isatty(STDOUT_FILENO) == 1;
}

bool color_enabled() {
  const char* no_color = std::getenv("NO_COLOR");
  return stdout_is_terminal() && !(no_color && *no_color);
}

}  // namespace wx::cli
