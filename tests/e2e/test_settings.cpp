// Settings at every scope end to end: declare, apply, re-plan clean; a change in "Control Hub"
// (the control API) shows as drift and is repaired; bad values are plan errors with no writes;
// a location change is one job that lists the phones it will not reach; members, hoteling, rebuild.
#include <doctest/doctest.h>

#include <fstream>

#include "e2e_support.h"

using namespace e2e;

namespace {

std::string phone_doc(const std::string& name, const std::string& model, const std::string& mac,
                      const std::string& owner, const std::string& extra) {
  return "---\napiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: " + name +
         "}\nspec:\n  model: " + model + "\n  mac: \"" + mac + "\"\n  owner: " + owner + "\n" + extra;
}

std::string write_manifests(const std::string& text) {
  const std::string dir = temp_dir();
  std::ofstream(dir + "/manifests.yaml") << text;
  return dir;
}

int writes_of(const Emulator& emulator, const std::string& op) {
  return emulator.get("/_emulator/stats")["writes"].value(op, 0);
}

Result apply_dir(const std::string& dir, const Emulator& emulator) {
  return run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, emulator.env());
}

int plan_exit(const std::string& dir, const Emulator& emulator) {
  return run_wxphones({"plan", dir, "--detailed-exitcode"}, emulator.env()).exit_code;
}

const std::string kSettingsJob = "POST /telephony/config/jobs/devices/callDeviceSettings";
const std::string kDynamicJob = "POST /telephony/config/jobs/devices/dynamicDeviceSettings";
const std::string kApplyChanges = "POST /telephony/config/devices/{deviceId}/actions/applyChanges/invoke";

}  // namespace

TEST_CASE("a location settings change runs one job and lists the phones with their own settings") {
  Emulator emulator(settings_org_seed());
  emulator.put("/_emulator/devices/0A0000000002/settings",
               {{"customEnabled", true}, {"customizations", {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}}});
  const std::string dir = write_manifests(
      "apiVersion: wxphones/v1\nkind: DeviceSettings\nmetadata: {name: hq}\nspec:\n  scope: {location: HQ}\n"
      "  customizations:\n    mpp: {backlightTimer: ALWAYS_ON}\n");
  Result plan = run_wxphones({"plan", dir, "--detailed-exitcode"}, emulator.env());
  REQUIRE_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  CHECK(contains(plan.out, "will not reach 1 phone"));
  CHECK(contains(plan.out, "mpp.backlightTimer"));
  emulator.post("/_emulator/stats/reset");
  Result done = apply_dir(dir, emulator);
  REQUIRE_MESSAGE(done.exit_code == 0, (done.out + done.err));
  CHECK(writes_of(emulator, kSettingsJob) == 1);
  CHECK(emulator.total_writes() == 1);
  CHECK(plan_exit(dir, emulator) == 0);

  // With the Project option, a further change of the location is followed by a rebuild job.
  const std::string rebuild = write_manifests(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n"
      "  rebuildPhones: {afterLocationSettings: true}\n---\n"
      "apiVersion: wxphones/v1\nkind: DeviceSettings\nmetadata: {name: hq}\nspec:\n  scope: {location: HQ}\n"
      "  customizations:\n    mpp: {backlightTimer: FIVE_MIN}\n");
  emulator.post("/_emulator/stats/reset");
  Result rebuilt = apply_dir(rebuild, emulator);
  REQUIRE_MESSAGE(rebuilt.exit_code == 0, (rebuilt.out + rebuilt.err));
  CHECK(writes_of(emulator, kSettingsJob) == 1);
  CHECK(writes_of(emulator, "POST /telephony/config/jobs/devices/rebuildPhones") == 1);
  CHECK(plan_exit(rebuild, emulator) == 0);
}

TEST_CASE("a phone's own customizations: applied with applyChanges once, drift repaired") {
  Emulator emulator(settings_org_seed());
  const std::string dir =
      write_manifests(phone_doc("alice-mpp", "DMS Cisco 8851", "0A0000000001", "{person: alice@acme.example}",
                                "  settings:\n    customizations:\n      mpp: {backlightTimer: "
                                "FIVE_MIN}\n"));
  emulator.post("/_emulator/stats/reset");
  Result done = apply_dir(dir, emulator);
  REQUIRE_MESSAGE(done.exit_code == 0, (done.out + done.err));
  CHECK(writes_of(emulator, kApplyChanges) == 1);
  CHECK(plan_exit(dir, emulator) == 0);

  emulator.put("/_emulator/devices/0A0000000001/settings",
               {{"customEnabled", true}, {"customizations", {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}}});
  Result drift = run_wxphones({"plan", dir, "--detailed-exitcode"}, emulator.env());
  REQUIRE_MESSAGE(drift.exit_code == 2, (drift.out + drift.err));
  CHECK(contains(drift.out, "\"ONE_MIN\" -> \"FIVE_MIN\""));
  REQUIRE(apply_dir(dir, emulator).exit_code == 0);
  CHECK(plan_exit(dir, emulator) == 0);
}

TEST_CASE(
    "PhoneOS dynamic settings: declared, applied, drift repaired; an out-of-range value writes nothing") {
  Emulator emulator(settings_org_seed());
  const std::string owner = "{person: alice@acme.example}";
  const std::string dir =
      write_manifests(phone_doc("alice-9861", "DMS Cisco 9861", "0A0000000004", owner,
                                "  dynamicSettings:\n    \"%SCREEN_BRIGHTNESS%\": \"7\"\n"));
  REQUIRE(apply_dir(dir, emulator).exit_code == 0);
  CHECK(plan_exit(dir, emulator) == 0);
  emulator.put("/_emulator/devices/0A0000000004/dynamicSettings",
               {{"tags", {{{"tag", "%SCREEN_BRIGHTNESS%"}, {"value", "2"}}}}});
  CHECK(plan_exit(dir, emulator) == 2);
  REQUIRE(apply_dir(dir, emulator).exit_code == 0);
  CHECK(plan_exit(dir, emulator) == 0);

  // Out of the built-in schema's range: refused before anything is read or written.
  const std::string bad =
      write_manifests(phone_doc("alice-9861", "DMS Cisco 9861", "0A0000000004", owner,
                                "  dynamicSettings:\n    \"%SCREEN_BRIGHTNESS%\": \"70\"\n"));
  emulator.post("/_emulator/stats/reset");
  Result refused = apply_dir(bad, emulator);
  CHECK(refused.exit_code == 1);
  CHECK(contains(refused.err, "manifests.yaml:10:"));
  CHECK(emulator.total_writes() == 0);
}

TEST_CASE("8875 device configurations: applied, drift repaired; out of the valueSpace is a plan error") {
  Emulator emulator(settings_org_seed());
  const std::string owner = "{person: alice@acme.example}";
  const std::string dir = write_manifests(phone_doc("alice-8875", "DMS Cisco 8875", "0A0000000005", owner,
                                                    "  configurations:\n    Audio.Ringer.Volume: 9\n"));
  Result done = apply_dir(dir, emulator);
  REQUIRE_MESSAGE(done.exit_code == 0, (done.out + done.err));
  CHECK(plan_exit(dir, emulator) == 0);
  emulator.put("/_emulator/devices/0A0000000005/configurations", {{"Audio.Ringer.Volume", 3}});
  CHECK(plan_exit(dir, emulator) == 2);
  REQUIRE(apply_dir(dir, emulator).exit_code == 0);
  CHECK(plan_exit(dir, emulator) == 0);

  const std::string bad = write_manifests(phone_doc("alice-8875", "DMS Cisco 8875", "0A0000000005", owner,
                                                    "  configurations:\n    Audio.Ringer.Volume: 99\n"));
  emulator.post("/_emulator/stats/reset");
  Result plan = run_wxphones({"plan", bad}, emulator.env());
  CHECK(plan.exit_code == 1);
  CHECK(contains(plan.err, "manifests.yaml:10:"));
  CHECK(contains(plan.err, "Audio.Ringer.Volume"));
  CHECK(emulator.total_writes() == 0);
}

TEST_CASE("members and hoteling round-trip; a member Webex does not offer is a plan error") {
  Emulator emulator(settings_org_seed());
  const std::string owner = "{person: bob@acme.example}";
  const std::string dir =
      write_manifests(phone_doc("bob-mpp", "DMS Cisco 8851", "0A0000000002", owner,
                                "  members:\n    - {person: alice@acme.example, lineLabel: Alice}\n"
                                "  hoteling: {enabled: true, limitGuestUse: true, guestHoursLimit: 8}\n") +
                      "---\napiVersion: wxphones/v1\nkind: WorkspaceDevices\nmetadata: {name: lobby}\nspec:\n"
                      "  workspace: HQ Lobby\n  hoteling: {enabled: true}\n");
  Result done = apply_dir(dir, emulator);
  REQUIRE_MESSAGE(done.exit_code == 0, (done.out + done.err));
  CHECK(contains(done.out, "lines after the change"));
  CHECK(plan_exit(dir, emulator) == 0);
  const auto config = emulator.get("/_emulator/devices/0A0000000002/config");
  CHECK(config.dump().find("Alice") != std::string::npos);

  // Control Hub: Alice's line removed from Bob's phone, the lobby's hoteling switched off.
  emulator.put("/_emulator/devices/0A0000000002/members", {{"members", nlohmann::json::array()}});
  emulator.put("/_emulator/workspaces/HQ Lobby/hoteling", {{"enabled", false}});
  Result drift = run_wxphones({"plan", dir, "--detailed-exitcode"}, emulator.env());
  CHECK_MESSAGE(drift.exit_code == 2, (drift.out + drift.err));
  CHECK(contains(drift.out, "Plan: 0 to add, 2 to change, 0 to destroy."));
  REQUIRE(apply_dir(dir, emulator).exit_code == 0);
  CHECK(plan_exit(dir, emulator) == 0);

  emulator.put("/_emulator/people/carol@acme.example/eligibility", {{"sharedLineEligible", false}});
  const std::string bad = write_manifests(phone_doc("bob-mpp", "DMS Cisco 8851", "0A0000000002", owner,
                                                    "  members:\n    - {person: carol@acme.example}\n"));
  emulator.post("/_emulator/stats/reset");
  Result plan = run_wxphones({"plan", bad}, emulator.env());
  CHECK(plan.exit_code == 1);
  CHECK(contains(plan.err, "cannot be placed on this phone"));
  CHECK(emulator.total_writes() == 0);
}

TEST_CASE("organisation dynamic settings through one job") {
  Emulator emulator(settings_org_seed());
  const std::string dir = write_manifests(
      "apiVersion: wxphones/v1\nkind: DeviceSettings\nmetadata: {name: org}\nspec:\n  scope: {organization: "
      "true}\n"
      "  dynamicSettings:\n    Cisco 9800: {\"%ENABLE_BLUETOOTH%\": \"0\"}\n");
  emulator.post("/_emulator/stats/reset");
  Result done = apply_dir(dir, emulator);
  REQUIRE_MESSAGE(done.exit_code == 0, (done.out + done.err));
  CHECK(writes_of(emulator, kDynamicJob) == 1);
  CHECK(plan_exit(dir, emulator) == 0);
}

TEST_CASE("wxphones rebuild runs the job and reports failed phones with tracking ids") {
  Emulator emulator(settings_org_seed());
  Result ok = run_wxphones({"rebuild", "--location", "HQ", "--poll-interval-ms", "100"}, emulator.env());
  CHECK_MESSAGE(ok.exit_code == 0, (ok.out + ok.err));
  CHECK(contains(ok.out, "completed"));
  emulator.post("/_emulator/devices/0A0000000003/jobFailure",
                {{"status", 500}, {"description", "phone unreachable"}});
  Result failed = run_wxphones({"rebuild", "--location", "HQ", "--poll-interval-ms", "100"}, emulator.env());
  CHECK(failed.exit_code == 1);
  CHECK(contains(failed.out, "phone unreachable"));
  CHECK(contains(failed.out, "trackingId"));
  Result unknown = run_wxphones({"rebuild", "--location", "Mars"}, emulator.env());
  CHECK(unknown.exit_code == 1);
  CHECK(contains(unknown.err, "no location named \"Mars\""));
}
