// wxphones export end to end: an organisation set up by apply (a template used by phones, an MPP
// with its own layout, members and settings, a 9861 with dynamic settings, an 8875 with
// configurations, a location with its own customizations) is exported; the export validates and
// plans with no changes against the same organisation. --location limits the export.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "e2e_support.h"

using namespace e2e;

namespace {

// The organisation's state, made by applying these manifests.
const char* const kSetup = R"(apiVersion: wxphones/v1
kind: LineKeyTemplate
metadata: {name: desk-8851}
spec:
  templateName: Desk 8851
  deviceModel: DMS Cisco 8851
  lineKeys:
    - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}
    - {lineKeyIndex: 2, lineKeyType: SPEED_DIAL, lineKeyLabel: Helpdesk, lineKeyValue: "5000"}
---
apiVersion: wxphones/v1
kind: Phone
metadata: {name: a}
spec:
  model: DMS Cisco 8851
  mac: "0A0000000001"
  owner: {person: alice@acme.example}
  tags: [desk]
  layout:
    layoutMode: CUSTOM
    lineKeys:
      - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}
      - {lineKeyIndex: 3, lineKeyType: SPEED_DIAL, lineKeyLabel: Sales, lineKeyValue: "4100"}
  members:
    - {person: bob@acme.example, lineLabel: Bob}
  settings:
    customizations: {mpp: {backlightTimer: ONE_MIN}}
  hoteling: {enabled: true, limitGuestUse: true, guestHoursLimit: 8}
---
apiVersion: wxphones/v1
kind: Phone
metadata: {name: b}
spec:
  model: DMS Cisco 8851
  mac: "0A0000000002"
  owner: {person: bob@acme.example}
  layout: {template: desk-8851}
---
apiVersion: wxphones/v1
kind: Phone
metadata: {name: c}
spec:
  model: DMS Cisco 8851
  mac: "0A0000000003"
  owner: {person: carol@acme.example}
  layout: {template: desk-8851}
---
apiVersion: wxphones/v1
kind: Phone
metadata: {name: d}
spec:
  model: DMS Cisco 9861
  mac: "0A0000000004"
  owner: {person: alice@acme.example}
  dynamicSettings: {"%SCREEN_BRIGHTNESS%": "7"}
---
apiVersion: wxphones/v1
kind: Phone
metadata: {name: e}
spec:
  model: DMS Cisco 8875
  mac: "0A0000000005"
  owner: {person: alice@acme.example}
  configurations: {Audio.Ringer.Volume: 9}
---
apiVersion: wxphones/v1
kind: DeviceSettings
metadata: {name: hq}
spec:
  scope: {location: HQ}
  customEnabled: true
  customizations: {mpp: {backlightTimer: THIRTY_MIN}}
)";

std::string write_dir(const std::string& text) {
  const std::string dir = temp_dir();
  std::ofstream(dir + "/setup.yaml") << text;
  return dir;
}

}  // namespace

TEST_CASE("export round trip: the exported directory validates and plans with no changes") {
  Emulator emulator(settings_org_seed());
  const std::string setup = write_dir(kSetup);
  Result applied =
      run_wxphones({"apply", setup, "--auto-approve", "--poll-interval-ms", "100"}, emulator.env());
  REQUIRE_MESSAGE(applied.exit_code == 0, (applied.out + applied.err));
  // An activation-code phone still activating: skipped with a comment.
  Result code = run_wxphones({"apply",
                              write_dir("apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: f}\nspec:\n"
                                        "  model: DMS Cisco 9861\n  onboarding: activationCode\n"
                                        "  owner: {person: carol@acme.example}\n"),
                              "--auto-approve", "--wait-online", "1s", "--poll-interval-ms", "100"},
                             emulator.env());
  CHECK_MESSAGE(code.exit_code == 3, (code.out + code.err));

  const std::string out = temp_dir() + "/exported";
  Result exported = run_wxphones({"export", "--out", out}, emulator.env());
  REQUIRE_MESSAGE(exported.exit_code == 0, (exported.out + exported.err));
  CHECK(contains(exported.out, "Exported 7 phones"));
  const std::string hq = read_file(out + "/HQ.yaml");
  INFO(hq);
  CHECK(contains(hq, "name: alice-8851"));
  CHECK(contains(hq, "template: desk-8851"));
  CHECK(contains(hq, "lineKeyValue: \"4100\""));
  CHECK(contains(hq, "person: bob@acme.example"));
  CHECK(contains(hq, "backlightTimer: ONE_MIN"));
  CHECK(contains(hq, "%SCREEN_BRIGHTNESS%"));
  CHECK(contains(hq, "Audio.Ringer.Volume: 9"));
  CHECK(contains(hq, "guestHoursLimit: 8"));
  CHECK(contains(hq, "# skipped"));
  CHECK(contains(read_file(out + "/settings.yaml"), "THIRTY_MIN"));
  CHECK(contains(read_file(out + "/project.yaml"), "managed-by-wxphones"));
  CHECK(std::filesystem::exists(out + "/Branch.yaml"));

  Result valid = run_wxphones({"validate", out}, emulator.env());
  CHECK_MESSAGE(valid.exit_code == 0, (valid.out + valid.err));
  Result plan = run_wxphones({"plan", out, "--detailed-exitcode"}, emulator.env());
  CHECK_MESSAGE(plan.exit_code == 0, (plan.out + plan.err + "\n--- HQ.yaml\n" + hq));

  // The exported values are managed: a change in Control Hub shows as drift against them.
  emulator.put("/_emulator/devices/0A0000000004/dynamicSettings",
               {{"tags", {{{"tag", "%SCREEN_BRIGHTNESS%"}, {"value", "2"}}}}});
  Result drift = run_wxphones({"plan", out, "--detailed-exitcode"}, emulator.env());
  CHECK_MESSAGE(drift.exit_code == 2, (drift.out + drift.err));
  CHECK(contains(drift.out, "%SCREEN_BRIGHTNESS%"));
}

TEST_CASE("export --location writes only that location's phones") {
  Emulator emulator(settings_org_seed());
  const std::string out = temp_dir() + "/branch";
  Result exported = run_wxphones({"export", "--location", "Branch", "--out", out}, emulator.env());
  REQUIRE_MESSAGE(exported.exit_code == 0, (exported.out + exported.err));
  CHECK(contains(exported.out, "Exported 1 phone "));
  CHECK(std::filesystem::exists(out + "/Branch.yaml"));
  CHECK_FALSE(std::filesystem::exists(out + "/HQ.yaml"));
  CHECK(contains(read_file(out + "/Branch.yaml"), "dave@acme.example"));
  CHECK(contains(read_file(out + "/project.yaml"), "locations: [Branch]"));
  CHECK(run_wxphones({"validate", out}, emulator.env()).exit_code == 0);
  Result plan = run_wxphones({"plan", out, "--detailed-exitcode"}, emulator.env());
  CHECK_MESSAGE(plan.exit_code == 0, (plan.out + plan.err));

  Result unknown = run_wxphones({"export", "--location", "Mars", "--out", out}, emulator.env());
  CHECK(unknown.exit_code == 1);
  CHECK(contains(unknown.err, "Mars"));
}
