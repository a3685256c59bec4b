#pragma once
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "wxphones/live/live_reader.h"
#include "wxphones/manifest/loader.h"
#include "wxphones/plan/plan.h"
#include "wxphones/plan/planner.h"
#include "wxphones/webex/client_config.h"
#include "wxphones/webex/webex_api.h"

namespace CLI {
class App;
}

namespace wx::cli {

// Flags every command that talks to Webex shares.
struct ConnectionFlags {
  std::optional<std::filesystem::path> token_file;
  int max_in_flight = 8;
  int request_timeout_s = 60;  // per request; a slower answer is a connection failure (retried when safe)
  void add_to(CLI::App& command);
};

// A manifest directory planned against the live organisation: the common first half of
// plan and apply.
struct PlannedRun {
  ManifestSet manifests;
  std::unique_ptr<WebexApi> api;
  LiveRead live;
  Plan plan;
};

// How to reach Webex: token from the flags or the environment (WEBEX_ACCESS_TOKEN, refresh credentials
// WEBEX_CLIENT_ID/SECRET/REFRESH_TOKEN), base URL from WEBEX_API_BASE_URL.
ClientConfig client_config(const ConnectionFlags& flags, const std::optional<std::string>& org_id);

// The Webex client for client_config().
std::unique_ptr<WebexApi> connect(const ConnectionFlags& flags, const std::optional<std::string>& org_id);

// Loads and validates the manifests, prints their diagnostics to `err`, and returns nullopt when
// any is an error: nothing has touched Webex then.
std::optional<ManifestSet> load_valid_manifests(const std::filesystem::path& dir, std::ostream& err);

// Connects (token from the flags or the environment, base URL from WEBEX_API_BASE_URL), reads what
// the manifests touch and plans. Prints plan-time diagnostics to `err`. Throws on Webex errors.
PlannedRun plan_against_org(ManifestSet manifests, const ConnectionFlags& flags, std::ostream& err,
                            PlanOptions options = {});

// Prints a failure of a command to `err` (never a token) and returns exit code 1.
int report_failure(const std::exception& error, std::ostream& err);

bool stdout_is_terminal();
bool color_enabled();  // a terminal and no NO_COLOR

}  // namespace wx::cli
