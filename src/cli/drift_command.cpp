// wxphones drift DIR: plan against the live organisation without writing, and report whether it
// drifted (exit 0 no drift, 2 drift, 1 error), with metrics for node-exporter and an optional Webex
// message. Only the message is ever written to Webex.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/drift_report.h"
#include "cli/drift_unmanaged.h"
#include "cli/metrics.h"
#include "cli/session.h"
#include "wxphones/cli/command.h"
#include "wxphones/util/secrets.h"

namespace wx::cli {

namespace {

struct DriftFlags {
  std::string dir;
  std::string format = "text";
  std::string metrics_file;
  std::string notify_room;
  std::string report_file;
  ConnectionFlags connection;
};

double unix_now() {
  using namespace std::chrono;
  return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

// Writes the metrics file when asked. A metrics failure is reported but does not change the verdict.
class MetricsSink {
 public:
  explicit MetricsSink(std::string file)
      : m_file(std::move(file)), m_start(std::chrono::steady_clock::now()) {}

  void write(DriftMetrics metrics) const {
    if (m_file.empty()) return;
    metrics.duration_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (metrics.success) {
      metrics.last_success_timestamp = unix_now();
    } else {
      std::ifstream previous(m_file);
      std::stringstream text;
      text << previous.rdbuf();
      metrics.last_success_timestamp = read_last_success(text.str());
    }
    try {
      write_metrics_file(m_file, render_metrics(metrics));
    } catch (const std::exception& e) {
      std::cerr << "error: --metrics: " << redact(e.what()) << "\n";
    }
  }
  void failure() const { write(DriftMetrics{}); }

 private:
  std::string m_file;
  std::chrono::steady_clock::time_point m_start;
};

int run_drift(const DriftFlags& flags) {
  const MetricsSink metrics(flags.metrics_file);
  auto manifests = load_valid_manifests(flags.dir, std::cerr);
  if (!manifests) {
    metrics.failure();
    return 1;
  }
  try {
    PlannedRun run = plan_against_org(std::move(*manifests), flags.connection, std::cerr);
    if (has_errors(run.plan.diagnostics)) {
      metrics.failure();
      return 1;
    }
    const auto unmanaged = find_unmanaged_phones(run.plan, run.live.state, run.manifests.desired);
    const bool drift = run.plan.summary().has_changes();
    if (flags.format == "json") {
      std::cout << drift_to_json(run.plan, unmanaged).dump(2) << "\n";
    } else if (flags.format == "markdown") {
      std::cout << render_drift_markdown(run.plan, unmanaged);
    } else {
      std::cout << render_drift_text(run.plan, unmanaged, color_enabled());
    }
    if (!flags.report_file.empty()) {
      std::ofstream out(flags.report_file, std::ios::trunc);
      out << drift_to_json(run.plan, unmanaged).dump(2) << "\n";
      if (!out) throw std::runtime_error("--report: cannot write " + flags.report_file);
    }
    if (drift && !flags.notify_room.empty()) {
      // Messages are not org-scoped: no orgId on this call.
      auto messenger = connect(flags.connection, std::nullopt);
      const std::string id =
          messenger->post_message(flags.notify_room, fit_message(render_drift_markdown(run.plan, unmanaged)));
      std::cerr << "Posted the drift report to the Webex space (message " << id << ").\n";
    }
    DriftMetrics result;
    result.success = true;
    result.drift_detected = drift;
    result.drifted_by_kind = drifted_objects_by_kind(run.plan);
    for (const auto& device : run.live.state.devices) {
      if (!device.online()) ++result.phones_not_online;
    }
    metrics.write(result);
    return drift ? 2 : 0;
  } catch (const std::exception& e) {
    metrics.failure();
    return report_failure(e, std::cerr);
  }
}

}  // namespace

void add_drift_command(CLI::App& app, CommandAction& action) {
  auto flags = std::make_shared<DriftFlags>();
  auto* cmd = app.add_subcommand(
      "drift", "Compare the live organisation with the manifests; exit 0 no drift, 2 drift, 1 error");
  cmd->add_option("dir", flags->dir, "Manifest directory (or file)")->required();
  cmd->add_option("--format", flags->format, "Output: text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  cmd->add_option("--metrics", flags->metrics_file,
                  "Write Prometheus metrics to FILE (node-exporter textfile collector)");
  cmd->add_option("--notify-room", flags->notify_room,
                  "Post the Markdown report to this Webex space on drift");
  cmd->add_option("--report", flags->report_file, "Write the JSON report to FILE");
  flags->connection.add_to(*cmd);
  cmd->callback([flags, &action] { action = [flags] { return run_drift(*flags); }; });
}

}  // namespace wx::cli
