// validate -> plan -> apply (activation code used while apply waits) -> plan shows no changes.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "e2e_support.h"

using namespace e2e;

TEST_CASE("the example organisation converges: validate, plan, apply, plan again") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();

  Result validate = run_wxphones({"validate", kAcmeManifests}, env);
  CHECK_MESSAGE(validate.exit_code == 0, validate.err);
  CHECK(contains(validate.out, "valid"));

  Result plan = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, env);
  REQUIRE_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  CHECK(contains(plan.out, "Plan: 5 to add, 2 to change, 1 to destroy."));
  CHECK(contains(plan.out, "+ Phone \"hq-reception\""));
  CHECK(contains(plan.out, "~ Phone \"hq-bob\""));
  CHECK(contains(plan.out, "- Phone"));
  CHECK(contains(plan.out, "001B54AA0009"));        // carol's old phone, tagged and in the prune scope
  CHECK_FALSE(contains(plan.out, "001B54AA0010"));  // dave's untagged phone is outside the prune scope
  CHECK(emulator.total_writes() == 0);

  const std::string report = temp_dir() + "/report.json";
  Background apply(
      {"apply", kAcmeManifests, "--auto-approve", "--poll-interval-ms", "100", "--report", report}, env);
  // A person types the activation code into the lobby phone while apply waits.
  bool code_used = false;
  for (int i = 0; i < 200 && !code_used; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    code_used = use_activation_codes(emulator) > 0;
  }
  CHECK(code_used);
  Result applied = apply.wait();
  REQUIRE_MESSAGE(applied.exit_code == 0, (applied.out + applied.err));
  CHECK(contains(applied.out, "activation code for hq-lobby (DMS Cisco 8875): "));
  CHECK(contains(applied.out, "Apply complete"));

  const auto report_json = nlohmann::json::parse(read_file(report));
  REQUIRE(report_json["activationCodes"].size() == 1);
  CHECK(report_json["activationCodes"][0]["code"].get<std::string>().size() == 16);
  CHECK(report_json["exitCode"] == 0);

  const auto state = emulator.state();
  CHECK(device_by_mac(state, "001B54AA0102")["connectionStatus"] == "connected");
  CHECK(device_by_mac(state, "001B54AA0104")["connectionStatus"] == "connected");
  CHECK(device_by_mac(state, "001B54AA0201")["tags"] == nlohmann::json{"managed-by-wxphones"});
  CHECK(device_by_mac(state, "001B54AA0003")["tags"] == nlohmann::json{"managed-by-wxphones", "sales"});
  CHECK(device_by_mac(state, "001B54AA0009").is_null());        // pruned
  CHECK_FALSE(device_by_mac(state, "001B54AA0010").is_null());  // untouched

  Result again = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, env);
  CHECK_MESSAGE(again.exit_code == 0, (again.out + again.err));
  CHECK(contains(again.out, "No changes."));

  // apply with nothing to do writes nothing.
  const int writes = emulator.total_writes();
  Result noop = run_wxphones({"apply", kAcmeManifests, "--auto-approve"}, env);
  CHECK(noop.exit_code == 0);
  CHECK(emulator.total_writes() == writes);
}

TEST_CASE("plan --format json is versioned and machine-readable") {
  Emulator emulator(source_path(kAcmeSeed));
  Result plan = run_wxphones({"plan", kAcmeManifests, "--format", "json"}, emulator.env());
  REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
  const auto json = nlohmann::json::parse(plan.out);
  CHECK(json["formatVersion"] == "1.1");
  CHECK(json["summary"]["add"] == 5);
  CHECK(json["summary"]["destroy"] == 1);
  CHECK(json["hasChanges"] == true);
  bool saw_wait = false;
  for (const auto& step : json["steps"]) saw_wait |= step["action"] == "wait";
  CHECK(saw_wait);
}

TEST_CASE("plan --format markdown starts with the summary") {
  Emulator emulator(source_path(kAcmeSeed));
  Result plan = run_wxphones({"plan", kAcmeManifests, "--format", "markdown"}, emulator.env());
  REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
  CHECK(contains(plan.out.substr(0, 200), "Plan: 5 to add, 2 to change, 1 to destroy."));
  CHECK(contains(plan.out, "<details><summary>HQ"));
  CHECK(contains(plan.out, "[!WARNING]"));
}
