// Phones that do not come online in time: apply exits 3, and the next run continues.
#include <doctest/doctest.h>

#include <fstream>

#include "e2e_support.h"

using namespace e2e;

TEST_CASE("an activation code nobody enters: apply exits 3, a later apply finishes the work") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml")
      << "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: lobby}\nspec:\n"
         "  model: DMS Cisco 8875\n  onboarding: activationCode\n"
         "  owner: {workspace: HQ Lobby}\n  tags: [lobby]\n";
  Result first =
      run_wxphones({"apply", dir, "--auto-approve", "--wait-online", "2s", "--poll-interval-ms", "100"}, env);
  CHECK_MESSAGE(first.exit_code == 3, (first.out + first.err));
  CHECK(contains(first.out, "activation code for lobby"));
  CHECK(contains(first.out, "not online after"));
  CHECK(contains(first.out, "Run apply again"));

  // The phone exists now (activating): the next plan creates nothing new, only the pending tags.
  Result plan = run_wxphones({"plan", dir}, env);
  CHECK_MESSAGE(plan.exit_code == 0, plan.err);
  CHECK(contains(plan.out, "Plan: 0 to add, 1 to change, 0 to destroy."));
  CHECK(contains(plan.out, "activating"));

  REQUIRE(use_activation_codes(emulator) == 1);
  Result second = run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, env);
  CHECK_MESSAGE(second.exit_code == 0, (second.out + second.err));
  CHECK(emulator.state()["activationCodes"].size() == 1);  // no second code, no duplicate phone
  CHECK(run_wxphones({"plan", dir, "--detailed-exitcode"}, env).exit_code == 0);
}
