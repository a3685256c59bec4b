// wxphones jobs list|show ID|errors ID: the org's device jobs of the four families, read only.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/jobs_table.h"
#include "cli/session.h"
#include "wxphones/cli/command.h"

namespace wx::cli {

namespace {

constexpr JobFamily kFamilies[] = {JobFamily::ApplyLineKeyTemplate, JobFamily::CallDeviceSettings,
                                   JobFamily::DynamicDeviceSettings, JobFamily::RebuildPhones};

struct JobsFlags {
  std::string family;  // empty: every family
  std::string job_id;
  std::string format = "text";
  std::string org_id;
  ConnectionFlags connection;
};

std::vector<JobFamily> families_of(const JobsFlags& flags) {
  std::vector<JobFamily> families;
  for (JobFamily f : kFamilies) {
    if (flags.family.empty() || flags.family == job_path_segment(f)) families.push_back(f);
  }
  return families;
}

std::unique_ptr<WebexApi> connect_for(const JobsFlags& flags) {
  return connect(flags.connection, flags.org_id.empty() ? std::nullopt : std::optional(flags.org_id));
}

// The family that knows the job: the one given, or the first whose GET does not answer 404/400.
std::optional<std::pair<JobFamily, DeviceJob>> find_job(WebexApi& api, const JobsFlags& flags) {
  for (JobFamily family : families_of(flags)) {
    try {
      return std::make_pair(family, api.get_device_job(family, flags.job_id));
    } catch (const ApiError& e) {
      const bool unknown_here = e.status() == 404 || e.status() == 400;
      if (!unknown_here || !flags.family.empty()) throw;
    }
  }
  return std::nullopt;
}

int not_found(const JobsFlags& flags) {
  std::cerr << "error: no device job " << flags.job_id << " in "
            << (flags.family.empty() ? "any family" : "family " + flags.family)
            << "; expected an id from `wxphones jobs list`\n";
  return 1;
}

int run_list(const JobsFlags& flags) {
  try {
    auto api = connect_for(flags);
    std::vector<FamilyJob> jobs;
    for (JobFamily family : families_of(flags)) {
      for (auto& job : api->list_device_jobs(family)) jobs.push_back({family, std::move(job)});
    }
    if (flags.format == "json") {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& j : jobs) items.push_back(job_to_json(j.family, j.job));
      std::cout << nlohmann::json{{"items", items}}.dump(2) << "\n";
    } else {
      std::cout << render_jobs_table(jobs);
    }
    return 0;
  } catch (const std::exception& e) {
    return report_failure(e, std::cerr);
  }
}

int run_show(const JobsFlags& flags) {
  try {
    auto api = connect_for(flags);
    auto found = find_job(*api, flags);
    if (!found) return not_found(flags);
    if (flags.format == "json") {
      std::cout << job_to_json(found->first, found->second).dump(2) << "\n";
    } else {
      std::cout << render_job_details(found->first, found->second);
    }
    return 0;
  } catch (const std::exception& e) {
    return report_failure(e, std::cerr);
  }
}

int run_errors(const JobsFlags& flags) {
  try {
    auto api = connect_for(flags);
    auto found = find_job(*api, flags);
    if (!found) return not_found(flags);
    const auto errors = api->list_device_job_errors(found->first, found->second.id);
    if (flags.format == "json") {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : errors) items.push_back(job_error_to_json(e));
      std::cout << nlohmann::json{{"family", job_path_segment(found->first)},
                                  {"jobId", found->second.id},
                                  {"items", items}}
                       .dump(2)
                << "\n";
    } else {
      std::cout << render_job_errors_table(errors);
    }
    return 0;
  } catch (const std::exception& e) {
    return report_failure(e, std::cerr);
  }
}

void add_common(CLI::App& cmd, JobsFlags& flags) {
  cmd.add_option("--family", flags.family, "Job family (default: every family)")
      ->check(CLI::IsMember(
          {"applyLineKeyTemplate", "callDeviceSettings", "dynamicDeviceSettings", "rebuildPhones"}));
  cmd.add_option("--format", flags.format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd.add_option("--org-id", flags.org_id, "Organisation (partner administrators)");
  flags.connection.add_to(cmd);
}

}  // namespace

void add_jobs_command(CLI::App& app, CommandAction& action) {
  auto* jobs = app.add_subcommand("jobs", "List device jobs and show their status and errors");
  jobs->require_subcommand(1);

  auto list_flags = std::make_shared<JobsFlags>();
  auto* list = jobs->add_subcommand("list", "List the device jobs of one family or all four");
  add_common(*list, *list_flags);
  list->callback([list_flags, &action] { action = [list_flags] { return run_list(*list_flags); }; });

  auto show_flags = std::make_shared<JobsFlags>();
  auto* show = jobs->add_subcommand("show", "Show one device job");
  show->add_option("id", show_flags->job_id, "Job id")->required();
  add_common(*show, *show_flags);
  show->callback([show_flags, &action] { action = [show_flags] { return run_show(*show_flags); }; });

  auto errors_flags = std::make_shared<JobsFlags>();
  auto* errors = jobs->add_subcommand("errors", "List the per-device errors of one device job");
  errors->add_option("id", errors_flags->job_id, "Job id")->required();
  add_common(*errors, *errors_flags);
  errors->callback(
      [errors_flags, &action] { action = [errors_flags] { return run_errors(*errors_flags); }; });
}

}  // namespace wx::cli
