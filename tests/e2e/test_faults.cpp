// The real binary against injected faults (issue 7): 423 + Retry-After, timeouts, slow answers,
// faults given to the emulator on its command line.
#include <doctest/doctest.h>

#include <fstream>

#include "e2e_support.h"

using namespace e2e;

namespace {

// Requests per operation of one plan of the Acme manifests; stats are reset first.
// `extra` may start with the global --log-level LEVEL (it goes before the command).
nlohmann::json plan_requests(const Emulator& emulator, std::vector<std::string> extra, Result& result) {
  emulator.post("/_emulator/stats/reset");
  std::vector<std::string> args;
  if (extra.size() >= 2 && extra[0] == "--log-level") {
    args = {extra[0], extra[1]};
    extra.erase(extra.begin(), extra.begin() + 2);
  }
  args.insert(args.end(), {"plan", kAcmeManifests, "--detailed-exitcode"});
  args.insert(args.end(), extra.begin(), extra.end());
  result = run_wxphones(args, emulator.env());
  return emulator.get("/_emulator/stats");
}

int requests_of(const nlohmann::json& stats, const std::string& operation) {
  return stats["requests"].value(operation, 0);
}

}  // namespace

TEST_CASE("423 with Retry-After is waited out, then the call succeeds; without Retry-After it is an error") {
  Emulator emulator(source_path(kAcmeSeed));
  Result baseline;
  const auto clean = plan_requests(emulator, {}, baseline);
  REQUIRE_MESSAGE(baseline.exit_code == 2, baseline.err);

  emulator.post("/_emulator/faults",
                {{"operation", "GET /devices"}, {"status", 423}, {"retryAfter", 1}, {"count", 2}});
  Result waited;
  const auto stats = plan_requests(emulator, {"--log-level", "info"}, waited);
  CHECK_MESSAGE(waited.exit_code == 2, waited.err);
  CHECK(waited.out == baseline.out);  // the same plan
  CHECK(requests_of(stats, "GET /devices") == requests_of(clean, "GET /devices") + 2);
  CHECK(contains(waited.err, "423; waiting 1000 ms as asked (Retry-After)"));
  CHECK(waited.wall_s >= 1.0);  // the two calls may wait side by side

  // A 423 without Retry-After is not an invitation to wait: the plan fails with a clear error.
  emulator.post("/_emulator/faults", {{"operation", "GET /devices"}, {"status", 423}});
  Result refused;
  plan_requests(emulator, {}, refused);
  CHECK(refused.exit_code == 1);
  CHECK_MESSAGE(contains(refused.out + refused.err, "423"), (refused.out + refused.err));
}

TEST_CASE("a GET slower than --request-timeout is abandoned and retried; a slow one below it succeeds") {
  Emulator emulator(source_path(kAcmeSeed));
  Result baseline;
  const auto clean = plan_requests(emulator, {"--request-timeout", "1"}, baseline);
  REQUIRE_MESSAGE(baseline.exit_code == 2, baseline.err);

  SUBCASE("timeout") {
    emulator.post("/_emulator/faults", {{"operation", "GET /locations"}, {"delayMs", 2500}});
    Result timed_out;
    const auto stats = plan_requests(emulator, {"--log-level", "debug", "--request-timeout", "1"}, timed_out);
    CHECK_MESSAGE(timed_out.exit_code == 2, timed_out.err);
    CHECK(timed_out.out == baseline.out);
    CHECK(requests_of(stats, "GET /locations") == requests_of(clean, "GET /locations") + 1);
    CHECK(contains(timed_out.err, "/locations: retry 1 of 5"));
    CHECK(timed_out.wall_s >= 1.0);
  }
  SUBCASE("slow, below the timeout") {
    emulator.post("/_emulator/faults",
                  {{"operation", "GET /locations"}, {"delayMs", 400}, {"jitterMs", 100}, {"count", -1}});
    Result slow;
    const auto stats = plan_requests(emulator, {"--log-level", "debug", "--request-timeout", "1"}, slow);
    CHECK_MESSAGE(slow.exit_code == 2, slow.err);
    CHECK(slow.out == baseline.out);
    CHECK(requests_of(stats, "GET /locations") == requests_of(clean, "GET /locations"));  // no retry
    CHECK_FALSE(contains(slow.err, "retry 1 of"));
    CHECK(slow.wall_s >= 0.4);
  }
}

TEST_CASE(
    "faults given on the emulator's command line (--fault, --faults FILE) fire from the first request") {
  const std::string faults_file = temp_dir() + "/faults.json";
  std::ofstream(faults_file) << R"([{"operation": "GET /people", "status": 502, "count": 1},
                                    {"operation": "GET /people", "closeConnection": true, "count": 1}])";
  EmulatorOptions options;
  options.extra_args = {
      "--faults", faults_file,
      "--fault",  R"({"operation": "GET /devices", "status": 503, "count": 2})",
      "--fault",  R"({"operation": "GET /locations", "status": 429, "retryAfter": 1, "emptyBody": true})"};
  Emulator emulator(source_path(kAcmeSeed), options);
  CHECK(emulator.get("/_emulator/faults").size() == 4);

  Result plan = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, emulator.env());
  CHECK_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  CHECK(contains(plan.out, "Plan: 5 to add, 2 to change, 1 to destroy."));
  const auto stats = emulator.get("/_emulator/stats");
  CHECK(stats["faultsFired"] == nlohmann::json{{"502", 1}, {"closeConnection", 1}, {"503", 2}, {"429", 1}});
  CHECK(emulator.get("/_emulator/faults").empty());  // all used up
  for (const auto& item : emulator.get("/_emulator/writes")["items"]) {
    CHECK_MESSAGE(item["write"] == false, item.dump());  // a plan's POSTs are read-only actions
  }

  // A bad fault on the command line stops the emulator with a message naming it.
  EmulatorOptions bad;
  bad.extra_args = {"--fault", R"({"status": 999})"};
  CHECK_THROWS_WITH_AS(Emulator(source_path(kAcmeSeed), bad),
                       doctest::Contains("status must be an HTTP status"), std::runtime_error);
}
