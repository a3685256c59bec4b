// An access token that expires or is revoked mid-apply: with refresh credentials wxphones refreshes it and
// finishes; without them it stops with exit 1, says why and what was done, and a later run converges.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "e2e_support.h"

using namespace e2e;

namespace {

constexpr const char* kClientSecret = "e2e-client-secret-7f3a9c";
constexpr const char* kRefreshToken = "e2e-refresh-token-41bd07";

// The Acme seed with an OAuth client whose refresh grant the token endpoint accepts.
std::string acme_seed_with_oauth() {
  const std::string path = temp_dir() + "/acme-oauth.yaml";
  std::ofstream(path) << read_file(source_path(kAcmeSeed))
                      << "\noauth: {clientId: e2e-client, clientSecret: " << kClientSecret
                      << ", refreshToken: " << kRefreshToken << "}\n";
  return path;
}

std::map<std::string, std::string> with_refresh(std::map<std::string, std::string> env) {
  env["WEBEX_CLIENT_ID"] = "e2e-client";
  env["WEBEX_CLIENT_SECRET"] = kClientSecret;
  env["WEBEX_REFRESH_TOKEN"] = kRefreshToken;
  return env;
}

// Requests a plan of the Acme manifests makes: apply's own read is the same, so a token expiring a few
// requests after that runs out in the middle of the writes.
int plan_requests(const Emulator& emulator) {
  const int before = emulator.get("/_emulator/stats")["totalRequests"].get<int>();
  REQUIRE(run_wxphones({"plan", kAcmeManifests}, emulator.env()).exit_code == 0);
  return emulator.get("/_emulator/stats")["totalRequests"].get<int>() - before;
}

void check_secrets_absent(const Result& r) {
  for (const std::string secret : {std::string(kClientSecret), std::string(kRefreshToken),
                                   std::string("emu-access-"), std::string(kDemoToken)}) {
    CHECK_MESSAGE(!contains(r.out + r.err, secret), secret);
  }
}

}  // namespace

TEST_CASE("an access token that expires mid-apply is refreshed and apply finishes") {
  Emulator emulator(acme_seed_with_oauth());
  const int reads = plan_requests(emulator);
  emulator.post("/_emulator/tokens/expire", {{"afterRequests", reads + 4}});

  // At trace level: neither the old token, the new one, the client secret nor the refresh token shows.
  Background apply(
      {"--log-level", "trace", "apply", kAcmeManifests, "--auto-approve", "--poll-interval-ms", "100"},
      with_refresh(emulator.env()));
  for (int i = 0; i < 200 && use_activation_codes(emulator) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  Result applied = apply.wait();
  CHECK(contains(applied.err, "access token refreshed"));
  CHECK_MESSAGE(applied.exit_code == 0, (applied.out + applied.err));
  check_secrets_absent(applied);
  const auto tokens = emulator.get("/_emulator/tokens");
  CHECK(tokens["revocations"] == 1);  // the demo token did expire mid-run
  CHECK(tokens["issued"] == 1);       // one refresh, shared by every request that met the 401

  Result plan = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, with_refresh(emulator.env()));
  CHECK_MESSAGE(plan.exit_code == 0, (plan.out + plan.err));
  // The emulator's traffic log (a file the conformance check reads) keeps the exchange, not the secrets.
  const std::string traffic = read_file(WX_TRAFFIC_FILE);
  CHECK(contains(traffic, "\"path\":\"/access_token\""));
  CHECK(!contains(traffic, kClientSecret));
  CHECK(!contains(traffic, kRefreshToken));
  CHECK(!contains(traffic, "emu-access-"));
}

TEST_CASE(
    "without refresh credentials an expired token stops apply with exit 1 and a report of what was done") {
  Emulator emulator(acme_seed_with_oauth());
  const int reads = plan_requests(emulator);
  emulator.post("/_emulator/tokens/expire", {{"afterRequests", reads + 4}});

  Result stopped =
      run_wxphones({"apply", kAcmeManifests, "--auto-approve", "--poll-interval-ms", "100"}, emulator.env());
  CHECK(stopped.exit_code == 1);
  CHECK_MESSAGE(contains(stopped.err, "Apply stopped: Webex rejected the access token"), stopped.err);
  CHECK(contains(stopped.err, "steps were done before it"));
  CHECK(contains(stopped.out + stopped.err, "WEBEX_REFRESH_TOKEN"));
  CHECK(contains(stopped.out, "not attempted: apply stopped"));
  check_secrets_absent(stopped);
  const int writes = emulator.total_writes();
  CHECK(writes >= 1);  // some writes were done before the token ran out...
  CHECK(emulator.get("/_emulator/tokens")["issued"] == 0);

  // ...and a run with credentials that can refresh picks up from the live state.
  Result resumed = converge_acme(emulator, with_refresh(emulator.env()));
  CHECK_MESSAGE(resumed.exit_code == 0, (resumed.out + resumed.err));
  Result plan = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, with_refresh(emulator.env()));
  CHECK_MESSAGE(plan.exit_code == 0, (plan.out + plan.err));
}

TEST_CASE("a revoked token with wrong refresh credentials fails with exit 1 before any write") {
  Emulator emulator(acme_seed_with_oauth());
  emulator.post("/_emulator/tokens/revoke");
  auto env = with_refresh(emulator.env());
  env["WEBEX_CLIENT_SECRET"] = "not-the-secret-123456";
  Result r = run_wxphones({"apply", kAcmeManifests, "--auto-approve"}, env);
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(contains(r.err, "refreshing it failed"), r.err);
  CHECK(!contains(r.out + r.err, "not-the-secret"));
  const auto stats = emulator.get("/_emulator/stats");
  CHECK(stats["writes"].value("POST /access_token", 0) == 1);  // one refused refresh, not one per request
  CHECK(emulator.total_writes() == 1);                         // and nothing else written

  env.erase("WEBEX_REFRESH_TOKEN");
  Result partial = run_wxphones({"plan", kAcmeManifests}, env);
  CHECK(partial.exit_code == 1);
  CHECK_MESSAGE(contains(partial.err, "WEBEX_REFRESH_TOKEN not set"), partial.err);
}
