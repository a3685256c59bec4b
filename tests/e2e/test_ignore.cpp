// Project.spec.ignore: a field another tool (or Control Hub) owns is neither drift nor overwritten.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "e2e_support.h"

using namespace e2e;

namespace {

// examples/acme with the phone tags of hq-bob ignored.
std::string manifests_ignoring_bob_tags() {
  const std::string dir = temp_dir() + "/manifests";
  std::filesystem::copy(source_path(kAcmeManifests), dir, std::filesystem::copy_options::recursive);
  std::ofstream project(dir + "/project.yaml", std::ios::app);
  project << "  ignore:\n    - {kind: Phone, name: hq-bob, field: spec.tags}\n";
  return dir;
}

}  // namespace

TEST_CASE("ignored tags changed in Control Hub are no drift and apply leaves them alone") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  REQUIRE(converge_acme(emulator).exit_code == 0);
  const std::string ignoring = manifests_ignoring_bob_tags();
  REQUIRE(run_wxphones({"validate", ignoring}, env).exit_code == 0);

  const nlohmann::json hacked = {"hacked", "managed-by-wxphones"};
  emulator.patch("/_emulator/devices/001B54AA0003", {{"tags", hacked}});

  // Without the rule the change is drift...
  Result drift = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, env);
  CHECK_MESSAGE(drift.exit_code == 2, (drift.out + drift.err));
  // ...with it there is nothing to do, and apply writes nothing to the tags.
  Result plan = run_wxphones({"plan", ignoring, "--detailed-exitcode"}, env);
  CHECK_MESSAGE(plan.exit_code == 0, (plan.out + plan.err));
  CHECK(contains(plan.out, "Plan: 0 to add, 0 to change, 0 to destroy."));
  Result applied = run_wxphones({"apply", ignoring, "--auto-approve"}, env);
  CHECK_MESSAGE(applied.exit_code == 0, (applied.out + applied.err));
  CHECK(device_by_mac(emulator.state(), "001B54AA0003")["tags"] == hacked);
}
