// An activation code lost with its answer (or a killed apply) leaves a phone activating that nobody can
// activate: `apply --reissue-activation-codes` replaces the waiting device with a fresh code.
#include <doctest/doctest.h>

#include "e2e_support.h"

using namespace e2e;

namespace {

int devices_of_model(const nlohmann::json& state, const std::string& model) {
  int n = 0;
  for (const auto& d : state["devices"]) n += d.value("model", "") == model ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a lost activation code is issued again on request, without a second device") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  // The code is created, its answer lost: apply cannot show it.
  emulator.post("/_emulator/faults", {{"operation", "POST /devices/activationCode"},
                                      {"status", 500},
                                      {"afterHandling", true},
                                      {"count", 1}});
  Result lost = run_wxphones({"apply", kAcmeManifests, "--auto-approve", "--wait-online", "1s"}, env);
  CHECK(lost.exit_code != 0);
  const int before = devices_of_model(emulator.state(), "DMS Cisco 8875");

  // A plain re-apply pairs the activating phone and waits (no duplicate, but still no code to type).
  Result waiting = run_wxphones({"apply", kAcmeManifests, "--auto-approve", "--wait-online", "1s"}, env);
  CHECK(waiting.exit_code == 3);
  CHECK(devices_of_model(emulator.state(), "DMS Cisco 8875") == before);

  CHECK(run_wxphones({"apply", "plan.json", "--reissue-activation-codes"}, env).exit_code == 1);
  const nlohmann::json old_codes = emulator.state()["activationCodes"];
  REQUIRE(old_codes.size() == 1);
  const std::string lost_code = old_codes[0]["code"].get<std::string>();
  Background reissue({"apply", kAcmeManifests, "--auto-approve", "--reissue-activation-codes",
                      "--poll-interval-ms", "100", "--wait-online", "60s"},
                     env);
  // Type the new code (the lost one is never typed).
  std::string new_code;
  for (int i = 0; i < 200 && new_code.empty(); ++i) {
    const nlohmann::json codes = emulator.state()["activationCodes"];
    for (const auto& c : codes) {
      if (c["code"] != lost_code && !c.value("used", false)) new_code = c["code"].get<std::string>();
    }
    if (new_code.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE_FALSE(new_code.empty());
  emulator.post("/_emulator/activationCodes/" + new_code + "/use");
  Result reissued = reissue.wait();
  CHECK_MESSAGE(reissued.exit_code == 0, (reissued.out + reissued.err));
  CHECK(contains(reissued.out, "--reissue-activation-codes"));
  CHECK_MESSAGE(contains(reissued.out, new_code), reissued.out);          // the new code is shown
  CHECK(devices_of_model(emulator.state(), "DMS Cisco 8875") == before);  // the waiting device was replaced
  CHECK(run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, env).exit_code == 0);
}
