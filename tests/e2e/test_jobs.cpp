// wxphones jobs list|show|errors against device jobs the test starts (rebuilds, one failing).
#include <doctest/doctest.h>

#include <fstream>

#include "e2e_support.h"

using namespace e2e;

namespace {

std::string jobs_seed() {
  const std::string path = temp_dir() + "/seed.yaml";
  std::ofstream(path) << R"(org: {name: Acme}
accessTokens: [wxphones-demo-token]
jobs: {startDelay: 1s, durationPerDevice: 0.2s, minDuration: 3s}
locations: [{name: HQ}]
people:
  - {email: alice@acme.example, firstName: Alice, lastName: Adams, location: HQ, extension: "1001"}
devices:
  - {mac: "0A0000000001", model: DMS Cisco 8851, person: alice@acme.example, connectionStatus: connected}
  - {mac: "0A0000000002", model: DMS Cisco 8851, person: alice@acme.example, connectionStatus: connected}
)";
  return path;
}

}  // namespace

TEST_CASE("jobs list, show and errors find the rebuild jobs of the org") {
  Emulator emulator(jobs_seed());
  const auto env = emulator.env();
  Result none = run_wxphones({"jobs", "list"}, env);
  REQUIRE_MESSAGE(none.exit_code == 0, (none.out + none.err));
  CHECK(contains(none.out, "No device jobs."));

  REQUIRE(run_wxphones({"rebuild", "--location", "HQ", "--poll-interval-ms", "100"}, env).exit_code == 0);
  emulator.post("/_emulator/devices/0A0000000002/jobFailure",
                {{"status", 500}, {"description", "phone unreachable"}});
  REQUIRE(run_wxphones({"rebuild", "--location", "HQ", "--poll-interval-ms", "100"}, env).exit_code == 1);

  Result listed = run_wxphones({"jobs", "list", "--format", "json"}, env);
  REQUIRE_MESSAGE(listed.exit_code == 0, (listed.out + listed.err));
  const auto items = nlohmann::json::parse(listed.out)["items"];
  REQUIRE(items.size() == 2);
  for (const auto& job : items) CHECK(job["family"] == "rebuildPhones");
  const std::string failed_id = items[0]["id"];  // newest first
  const std::string ok_id = items[1]["id"];

  Result table = run_wxphones({"jobs", "list"}, env);
  CHECK(contains(table.out, "FAMILY"));
  CHECK(contains(table.out, ok_id));
  CHECK(
      contains(run_wxphones({"jobs", "list", "--family", "callDeviceSettings"}, env).out, "No device jobs."));

  // Without --family, every family is asked until one knows the id.
  Result shown = run_wxphones({"jobs", "show", ok_id}, env);
  REQUIRE_MESSAGE(shown.exit_code == 0, (shown.out + shown.err));
  CHECK(contains(shown.out, "rebuildPhones"));
  CHECK(contains(shown.out, "COMPLETED"));

  Result errors = run_wxphones({"jobs", "errors", failed_id}, env);
  REQUIRE_MESSAGE(errors.exit_code == 0, (errors.out + errors.err));
  CHECK(contains(errors.out, "phone unreachable"));
  Result errors_json =
      run_wxphones({"jobs", "errors", failed_id, "--family", "rebuildPhones", "--format", "json"}, env);
  REQUIRE(errors_json.exit_code == 0);
  CHECK(nlohmann::json::parse(errors_json.out)["items"].size() == 1);
  CHECK(contains(run_wxphones({"jobs", "errors", ok_id}, env).out, "No errors."));

  Result unknown = run_wxphones({"jobs", "show", "bm9wZQ"}, env);
  CHECK(unknown.exit_code == 1);
  CHECK(contains(unknown.err, "no device job bm9wZQ"));
  Result wrong_family = run_wxphones({"jobs", "show", ok_id, "--family", "applyLineKeyTemplate"}, env);
  CHECK(wrong_family.exit_code == 1);
}
