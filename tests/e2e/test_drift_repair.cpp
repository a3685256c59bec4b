// An admin changes a phone in Control Hub: plan shows the drift, apply repairs it.
#include <doctest/doctest.h>


#include "e2e_support.h"

using namespace e2e;

TEST_CASE("a tag changed in Control Hub shows as drift and apply repairs it") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  REQUIRE(converge_acme(emulator).exit_code == 0);

  emulator.patch("/_emulator/devices/001B54AA0003", {{"tags", {"managed-by-wxphones", "hacked"}}});
  Result drift = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, env);
  REQUIRE_MESSAGE(drift.exit_code == 2, (drift.out + drift.err));
  CHECK(contains(drift.out, "Plan: 0 to add, 1 to change, 0 to destroy."));
  CHECK(contains(drift.out,
                 "~ tags: [\"hacked\",\"managed-by-wxphones\"] -> [\"managed-by-wxphones\",\"sales\"]"));

  Result repair = run_wxphones({"apply", kAcmeManifests, "--auto-approve"}, env);
  CHECK_MESSAGE(repair.exit_code == 0, (repair.out + repair.err));
  CHECK(device_by_mac(emulator.state(), "001B54AA0003")["tags"] ==
        nlohmann::json{"managed-by-wxphones", "sales"});
  CHECK(run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, env).exit_code == 0);
}
