// Saved plans: plan --out FILE, apply FILE; a stale plan is refused naming what changed; a plan applied
// twice does nothing the second time; the file never holds the token.
#include <doctest/doctest.h>

#include <fstream>

#include "e2e_support.h"

using namespace e2e;

namespace {

std::string one_phone_manifests() {
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml")
      << "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: hq-bob}\nspec:\n"
         "  model: DMS Cisco 8851\n  mac: \"001B54AA0003\"\n"
         "  owner: {person: bob@acme.example}\n  tags: [managed-by-wxphones, sales]\n";
  return dir;
}

}  // namespace

TEST_CASE("a saved plan is applied exactly, and a second apply does nothing") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  const std::string dir = one_phone_manifests();
  const std::string file = temp_dir() + "/plan.json";
  Result plan = run_wxphones({"plan", dir, "--out", file, "--detailed-exitcode"}, env);
  REQUIRE_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  const std::string saved = read_file(file);
  CHECK_FALSE(contains(saved, kDemoToken));
  CHECK(contains(saved, "\"liveObjects\""));

  emulator.post("/_emulator/stats/reset");
  Result first = run_wxphones({"apply", file}, env);
  REQUIRE_MESSAGE(first.exit_code == 0, (first.out + first.err));
  CHECK(emulator.total_writes() == 1);
  Result second = run_wxphones({"apply", file}, env);
  CHECK_MESSAGE(second.exit_code == 0, (second.out + second.err));
  CHECK(contains(second.out, "Nothing to do"));
  CHECK(emulator.total_writes() == 1);
}

TEST_CASE("a plan whose objects changed in Webex since is refused, naming them") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  const std::string dir = one_phone_manifests();
  const std::string file = temp_dir() + "/plan.json";
  REQUIRE(run_wxphones({"plan", dir, "--out", file}, env).exit_code == 0);
  emulator.patch("/_emulator/devices/001B54AA0003", {{"tags", {"edited-in-control-hub"}}});
  emulator.post("/_emulator/stats/reset");
  Result stale = run_wxphones({"apply", file}, env);
  CHECK(stale.exit_code == 1);
  CHECK(contains(stale.err, "stale"));
  CHECK(contains(stale.err, "phone 001B54AA0003 (changed)"));
  CHECK(emulator.total_writes() == 0);

  // Changed manifests are refused too.
  REQUIRE(run_wxphones({"plan", dir, "--out", file}, env).exit_code == 0);
  std::ofstream(dir + "/phones.yaml", std::ios::app) << "  # edited after the plan\n";
  Result edited = run_wxphones({"apply", file}, env);
  CHECK(edited.exit_code == 1);
  CHECK(contains(edited.err, "changed since the plan was saved"));
  CHECK(emulator.total_writes() == 0);
}
