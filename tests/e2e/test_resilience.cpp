// What real Webex does to a client: 98xx phones not yet Webex-aware, 5xx, 429 and lost responses.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "e2e_support.h"

using namespace e2e;

namespace {

// The acme seed with one lifecycle switch changed.
std::string seed_with(const std::string& from, const std::string& to) {
  std::string seed = read_file(source_path(kAcmeSeed));
  const auto at = seed.find(from);
  REQUIRE(at != std::string::npos);
  seed.replace(at, from.size(), to);
  const std::string path = temp_dir() + "/seed.yaml";
  std::ofstream(path) << seed;
  return path;
}

std::string write_manifest(const std::string& text) {
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml") << text;
  return dir;
}

const char* kReceptionPhone =
    "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: reception}\nspec:\n"
    "  model: DMS Cisco 9861\n  mac: 00:1B:54:AA:01:02\n  owner: {person: reception@acme.example}\n"
    "  tags: [reception]\n";

}  // namespace

TEST_CASE(
    "a 98xx that is not yet Webex-aware is found through the telephony listing and tagged once online") {
  Emulator emulator(seed_with("phoneOsWebexAwareAfterOnline: false", "phoneOsWebexAwareAfterOnline: true"));
  const auto env = emulator.env();
  const std::string dir = write_manifest(kReceptionPhone);
  // Created, but it never comes online before the deadline: tags stay pending.
  Result first = run_wxphones({"apply", dir, "--auto-approve", "--wait-online", "0s"}, env);
  CHECK_MESSAGE(first.exit_code == 3, (first.out + first.err));
  auto phone = device_by_mac(emulator.state(), "001B54AA0102");
  REQUIRE_FALSE(phone.is_null());
  CHECK(phone["visibleInDevicesApi"] == false);

  // The next plan pairs it by MAC through /telephony/config/people/{id}/devices: no second create.
  Result plan = run_wxphones({"plan", dir}, env);
  CHECK_MESSAGE(plan.exit_code == 0, plan.err);
  CHECK(contains(plan.out, "Plan: 0 to add, 1 to change, 0 to destroy."));
  CHECK(contains(plan.out, "not yet Webex-aware"));

  emulator.post("/_emulator/devices/001B54AA0102/online");
  Result second = run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, env);
  CHECK_MESSAGE(second.exit_code == 0, (second.out + second.err));
  CHECK(device_by_mac(emulator.state(), "001B54AA0102")["tags"] == nlohmann::json{"reception"});
  CHECK(emulator.get("/_emulator/stats")["writes"].value("POST /devices", 0) == 1);
}

TEST_CASE("5xx and 429 on reads are retried; plan still succeeds") {
  Emulator emulator(source_path(kAcmeSeed));
  emulator.post("/_emulator/faults",
                nlohmann::json::array({
                    {{"operation", "GET /devices"}, {"status", 503}, {"count", 2}},
                    {{"operation", "GET /locations"}, {"status", 429}, {"retryAfter", 1}},
                    {{"operation", "GET /people"}, {"status", 502}, {"emptyBody", true}},
                }));
  Result plan = run_wxphones({"plan", kAcmeManifests, "--detailed-exitcode"}, emulator.env());
  CHECK_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  CHECK(contains(plan.out, "Plan: 5 to add, 2 to change, 1 to destroy."));
}

TEST_CASE("a create whose response is lost is looked up, not repeated") {
  Emulator emulator(source_path(kAcmeSeed));
  const std::string dir = write_manifest(
      "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: kitchen}\nspec:\n"
      "  model: DMS Cisco 6841\n  mac: 001B54AA0201\n  owner: {workspace: Branch Kitchen}\n");
  // The emulator creates the phone, then answers 500: the outcome is unknown to the client.
  emulator.post("/_emulator/faults",
                {{"operation", "POST /devices"}, {"status", 500}, {"afterHandling", true}});
  Result apply = run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, emulator.env());
  const auto stats = emulator.get("/_emulator/stats");
  CHECK(stats["writes"].value("POST /devices", 0) == 1);  // never blindly repeated
  CHECK(apply.exit_code == 0);
  CHECK_FALSE(device_by_mac(emulator.state(), "001B54AA0201").is_null());
}

TEST_CASE("a persistent 5xx on a write fails apply with the tracking id, and exit 1") {
  Emulator emulator(source_path(kAcmeSeed));
  emulator.post("/_emulator/faults",
                {{"operation", "PATCH /devices/{deviceId}"}, {"status", 500}, {"count", -1}});
  Result apply =
      run_wxphones({"apply", kAcmeManifests, "--auto-approve", "--wait-online", "1s"}, emulator.env());
  CHECK(apply.exit_code == 1);
  CHECK(contains(apply.out, "failed"));
  CHECK(contains(apply.out, "trackingId"));
}
