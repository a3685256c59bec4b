// Bad input gets a clear error and nothing is written to Webex.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "e2e_support.h"

using namespace e2e;

TEST_CASE("every bad manifest case: plan and apply exit 1 and write nothing") {
  Emulator emulator(source_path(kAcmeSeed));
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/bad-manifests"))) {
    if (!entry.is_directory()) continue;
    // Cases that swap in their own model catalog test offline rules only; with the built-in
    // catalog they are valid.
    if (std::filesystem::exists(entry.path() / "catalog.json")) continue;
    const std::string dir = "tests/bad-manifests/" + entry.path().filename().string();
    CAPTURE(dir);
    Result plan = run_wxphones({"plan", dir}, emulator.env());
    CHECK(plan.exit_code == 1);
    CHECK(contains(plan.err, dir));  // the message names the file
    CHECK(contains(plan.err, "nothing was sent to Webex"));
    Result apply = run_wxphones({"apply", dir, "--auto-approve"}, emulator.env());
    CHECK(apply.exit_code == 1);
    ++cases;
  }
  CHECK(cases >= 10);
  const auto stats = emulator.get("/_emulator/stats");
  CHECK(stats["totalWrites"] == 0);
  CHECK(stats["totalRequests"] == 0);  // offline validation stops before the first read, too
}

TEST_CASE("references that need live data fail at plan time, pointing at the manifest line") {
  Emulator emulator(source_path(kAcmeSeed));
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml") << "apiVersion: wxphones/v1\n"
                                         "kind: Phone\n"
                                         "metadata: {name: ghost}\n"
                                         "spec:\n"
                                         "  model: DMS Cisco 8851\n"
                                         "  mac: 001B54AA0F0F\n"
                                         "  owner: {person: nobody@acme.example}\n"
                                         "---\n"
                                         "apiVersion: wxphones/v1\n"
                                         "kind: Phone\n"
                                         "metadata: {name: lost}\n"
                                         "spec:\n"
                                         "  model: DMS Cisco 8851\n"
                                         "  mac: 001B54AA0F10\n"
                                         "  owner: {workspace: Nowhere}\n";
  Result plan = run_wxphones({"plan", dir}, emulator.env());
  CHECK(plan.exit_code == 1);
  CHECK(contains(
      plan.err,
      dir + "/phones.yaml:7:19: error: spec.owner.person: no person with email \"nobody@acme.example\""));
  CHECK(contains(plan.err,
                 dir + "/phones.yaml:15:22: error: spec.owner.workspace: no workspace named \"Nowhere\""));
  Result apply = run_wxphones({"apply", dir, "--auto-approve"}, emulator.env());
  CHECK(apply.exit_code == 1);
  CHECK(contains(apply.err, "nothing was changed"));
  CHECK(emulator.total_writes() == 0);
}

TEST_CASE("a MAC in use by another organisation's device is a plan error naming the line") {
  Emulator emulator(source_path(kAcmeSeed));
  // Dave's phone (001B54AA0010) belongs to dave; a manifest giving it to alice is a replace, not an error.
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml")
      << "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: moved}\nspec:\n"
         "  model: DMS Cisco 6841\n  mac: 001B54AA0010\n  owner: {person: alice@acme.example}\n";
  Result plan = run_wxphones({"plan", dir, "--detailed-exitcode"}, emulator.env());
  CHECK_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  CHECK(contains(plan.out, "-/+ Phone \"moved\""));
  CHECK(contains(plan.out, "owner changed"));
}
