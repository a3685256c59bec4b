// The token never appears in any output, at any log level; plain http only to loopback.
#include <doctest/doctest.h>

#include "e2e_support.h"

using namespace e2e;

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
