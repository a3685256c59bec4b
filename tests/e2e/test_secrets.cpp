// The token never appears in any output, at any log level; plain http only to loopback.
#include <doctest/doctest.h>

#include <filesystem>

#include "e2e_support.h"

using namespace e2e;

namespace {

// Every file under `dir` (or the file itself) that contains `secret`.
std::vector<std::string> files_containing(const std::string& path, const std::string& secret) {
  std::vector<std::string> found;
  auto check = [&](const std::filesystem::path& file) {
    if (contains(read_file(file.string()), secret)) found.push_back(file.string());
  };
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      if (entry.is_regular_file()) check(entry.path());
    }
  } else if (std::filesystem::exists(path)) {
    check(path);
  }
  return found;
}

}  // namespace

TEST_CASE("the token appears in no output, even at trace level and on errors") {
  Emulator emulator(source_path(kAcmeSeed));
  auto env = emulator.env();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--log-level", "trace", "plan", kAcmeManifests},
           {"--log-level", "trace", "plan", kAcmeManifests, "--format", "json"},
           {"--log-level", "trace", "apply", kAcmeManifests, "--auto-approve", "--wait-online", "1s",
            "--poll-interval-ms", "100"}}) {
    Result r = run_wxphones(args, env);
    CHECK_FALSE(contains(r.out, kDemoToken));
    CHECK_FALSE(contains(r.err, kDemoToken));
  }
  env["WEBEX_ACCESS_TOKEN"] = "not-the-right-token-0123456789";
  Result denied = run_wxphones({"--log-level", "trace", "plan", kAcmeManifests}, env);
  CHECK(denied.exit_code == 1);
  CHECK(contains(denied.err, "401"));
  CHECK_FALSE(contains(denied.err + denied.out, "not-the-right-token-0123456789"));
}

TEST_CASE("plain http is refused unless the host is loopback") {
  Result r = run_wxphones({"plan", kAcmeManifests}, {{"WEBEX_ACCESS_TOKEN", "x-token-value-123"},
                                                     {"WEBEX_API_BASE_URL", "http://example.com/v1"}});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "https"));
}

TEST_CASE("a missing token is a clear error") {
  Result r = run_wxphones({"plan", kAcmeManifests}, {{"WEBEX_API_BASE_URL", "http://127.0.0.1:9/v1"}});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "WEBEX_ACCESS_TOKEN"));
}

TEST_CASE("every command, at trace level, keeps the token out of its output and of every file it writes") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  const std::string dir = temp_dir();
  // Each command with the exit code it has here: the token must stay out of successes and failures.
  const std::vector<std::pair<std::vector<std::string>, int>> commands{
      {{"--log-level", "trace", "validate", kAcmeManifests}, 0},
      {{"--log-level", "trace", "plan", kAcmeManifests, "--format", "markdown"}, 0},
      {{"--log-level", "trace", "--log-format", "json", "plan", kAcmeManifests, "--out", dir + "/plan.json"},
       0},
      // 3: the lobby phone's activation code is never used here
      {{"--log-level", "trace", "apply", kAcmeManifests, "--auto-approve", "--wait-online", "1s",
        "--poll-interval-ms", "100", "--report", dir + "/apply-report.json"},
       3},
      {{"--log-level", "trace", "drift", kAcmeManifests, "--report", dir + "/drift.json", "--metrics",
        dir + "/drift.prom", "--notify-room", "Y2lzY29zcGFyazovL3VzL1JPT00vb3Bz"},
       2},
      {{"--log-level", "trace", "jobs", "list"}, 0},
      // 1: the job fails for the phone still activating, and reports it
      {{"--log-level", "trace", "rebuild", "--location", "HQ", "--poll-interval-ms", "100", "--report",
        dir + "/rebuild.json"},
       1},
      {{"--log-level", "trace", "export", "--out", dir + "/exported"}, 0},
      // 1: the saved plan is stale after the apply above
      {{"--log-level", "trace", "apply", dir + "/plan.json", "--wait-online", "1s", "--poll-interval-ms",
        "100"},
       1},
  };
  for (const auto& [args, expected_exit] : commands) {
    Result r = run_wxphones(args, env);
    std::string command;
    for (const auto& a : args) command += a + " ";
    CHECK_MESSAGE(r.exit_code == expected_exit, command);
    CHECK_MESSAGE(!contains(r.out, kDemoToken), command);
    CHECK_MESSAGE(!contains(r.err, kDemoToken), command);
  }
  CHECK(std::filesystem::exists(dir + "/plan.json"));
  CHECK(std::filesystem::exists(dir + "/drift.json"));
  CHECK(std::filesystem::exists(dir + "/exported"));
  CHECK(files_containing(dir, kDemoToken).empty());
}
