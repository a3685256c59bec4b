#include <doctest/doctest.h>

#include "emulator/settings_fixture.h"

using nlohmann::json;
using wx::emulator::test::SettingsFixture;

namespace {

const std::string kOrg = "/telephony/config/devices/settings";

std::string settings_path(SettingsFixture& f, const std::string& mac) {
  return "/telephony/config/devices/" + f.device_id(mac) + "/settings";
}

std::string location_path(SettingsFixture& f, const std::string& name) {
  return "/telephony/config/locations/" + f.location_id(name) + "/devices/settings";
}

}  // namespace

TEST_CASE("customizations: org defaults from the spec example, inherited by locations and devices") {
  SettingsFixture f;
  auto org = f.get(kOrg);
  REQUIRE(org.status == 200);
  for (const char* family : {"ata", "dect", "mpp", "wifi"})
    CHECK(org.body["customizations"].contains(family));
  CHECK(org.body["customizations"]["mpp"]["phoneLanguage"] == "RUSSIAN");
  CHECK(org.body["updateInProgress"] == false);
  CHECK(org.body["deviceCount"] == 2);  // alice's 8851 and carol's 7841; bob's has its own
  CHECK_FALSE(org.body.contains("customEnabled"));

  auto hq = f.get(location_path(f, "HQ"));
  REQUIRE(hq.status == 200);
  CHECK(hq.body["customEnabled"] == false);
  // The location schema and example list ata, mpp, wifi only: dect stays an org-level read.
  auto org_without_dect = org.body["customizations"];
  org_without_dect.erase("dect");
  CHECK(hq.body["customizations"] == org_without_dect);
  CHECK(hq.body["deviceCount"] == 1);

  // Control Hub edit: HQ gets its own language; HQ phones without customEnabled follow.
  auto edit =
      f.control("PUT", "/_emulator/locations/HQ/settings",
                {{"customEnabled", true}, {"customizations", {{"mpp", {{"phoneLanguage", "GERMAN"}}}}}});
  REQUIRE(edit.status == 200);
  CHECK(f.get(location_path(f, "HQ")).body["customizations"]["mpp"]["phoneLanguage"] == "GERMAN");
  CHECK(f.get(location_path(f, "HQ")).body["customizations"]["mpp"]["backlightTimer"] == "ONE_MIN");
  CHECK(f.get(location_path(f, "Branch")).body["customizations"]["mpp"]["phoneLanguage"] == "RUSSIAN");

  auto alice = f.get(settings_path(f, "001B54AA0001"));
  REQUIRE(alice.status == 200);
  CHECK(alice.body["customEnabled"] == false);
  CHECK(alice.body["customizations"]["mpp"]["phoneLanguage"] == "GERMAN");
  // Device shape (§6.6): one family key, no updateInProgress nor deviceCount.
  CHECK(alice.body["customizations"].size() == 1);
  CHECK_FALSE(alice.body.contains("updateInProgress"));
  CHECK_FALSE(alice.body.contains("deviceCount"));
  CHECK(alice.body.contains("lastUpdateTime"));

  auto bob = f.get(settings_path(f, "001B54AA0002"));  // seeded override wins over the location
  CHECK(bob.body["customEnabled"] == true);
  CHECK(bob.body["customizations"]["mpp"]["phoneLanguage"] == "FRENCH_FRANCE");
  CHECK(bob.body["customizations"]["mpp"]["backlightTimer"] == "ONE_MIN");  // rest inherited

  // The org edit reaches Branch (no location override), not HQ's language.
  f.control("PUT", "/_emulator/org/settings", {{"customizations", {{"mpp", {{"phoneLanguage", "DANISH"}}}}}});
  CHECK(f.get(settings_path(f, "001B54AA0003")).body["customizations"]["mpp"]["phoneLanguage"] == "DANISH");
  CHECK(f.get(settings_path(f, "001B54AA0001")).body["customizations"]["mpp"]["phoneLanguage"] == "GERMAN");
  f.control("PUT", "/_emulator/locations/HQ/settings", {{"customEnabled", false}});
  CHECK(f.get(settings_path(f, "001B54AA0001")).body["customizations"]["mpp"]["phoneLanguage"] == "DANISH");
}

TEST_CASE("device settings PUT: stored, both model query names, validation, other models refused") {
  SettingsFixture f;
  const auto path = settings_path(f, "001B54AA0001");
  json body = {{"customEnabled", true}, {"customizations", {{"mpp", {{"backlightTimer", "FIVE_MIN"}}}}}};
  CHECK(f.call("PUT", path + "?model=DMS%20Cisco%208851", body).status == 204);
  auto read = f.get(path + "?deviceModel=DMS%20Cisco%208851");
  REQUIRE(read.status == 200);
  CHECK(read.body["customEnabled"] == true);
  CHECK(read.body["customizations"]["mpp"]["backlightTimer"] == "FIVE_MIN");
  body["customizations"]["mpp"]["backlightTimer"] = "THIRTY_MIN";
  CHECK(f.call("PUT", path + "?deviceModel=Cisco%208851", body).status == 204);  // display name too
  CHECK(f.get(path).body["customizations"]["mpp"]["backlightTimer"] == "THIRTY_MIN");
  CHECK(f.call("PUT", path + "?deviceModel=DMS%20Cisco%207841", body).status == 400);

  // Wrong types and unknown enum values are 400s naming the field; nothing is stored.
  auto wrong =
      f.call("PUT", path, {{"customEnabled", true}, {"customizations", {{"mpp", {{"backlightTimer", 5}}}}}});
  CHECK(wrong.status == 400);
  CHECK(wrong.body["message"].get<std::string>().find("backlightTimer") != std::string::npos);
  auto bad_enum = f.call(
      "PUT", path, {{"customEnabled", true}, {"customizations", {{"mpp", {{"phoneLanguage", "KLINGON"}}}}}});
  CHECK(bad_enum.status == 400);
  CHECK(f.call("PUT", path, {{"customEnabled", true}, {"customizations", {{"mpp", {{"cdpEnabled", "yes"}}}}}})
            .status == 400);
  CHECK(
      f.call("PUT", path, {{"customEnabled", true}, {"customizations", {{"ata", json::object()}}}}).status ==
      400);
  CHECK(f.call("PUT", path, {{"customizations", json::object()}}).status == 400);  // customEnabled required
  CHECK(f.get(path).body["customizations"]["mpp"]["backlightTimer"] == "THIRTY_MIN");

  // customEnabled false: back to the inherited values, own values kept for later.
  CHECK(f.call("PUT", path, {{"customEnabled", false}, {"customizations", body["customizations"]}}).status ==
        204);
  CHECK(f.get(path).body["customizations"]["mpp"]["backlightTimer"] == "ONE_MIN");

  // PhoneOS models have no customizations.
  CHECK(f.get(settings_path(f, "001B54AA0004")).status == 400);
  CHECK(f.call("PUT", settings_path(f, "001B54AA0004"), body).status == 400);
  CHECK(f.get("/telephony/config/devices/bogus/settings").status == 404);
}

TEST_CASE("person and workspace compression: default OFF, PUT, control edit") {
  SettingsFixture f;
  const auto person = "/telephony/config/people/" + f.person_id("alice@acme.example") + "/devices/settings";
  const auto workspace = "/telephony/config/workspaces/" + f.workspace_id("HQ Lobby") + "/devices/settings";
  CHECK(f.get(person).body == json{{"compression", "OFF"}});
  CHECK(f.call("PUT", person, {{"compression", "ON"}}).status == 204);
  CHECK(f.get(person).body["compression"] == "ON");
  CHECK(f.call("PUT", person, {{"compression", "MAYBE"}}).status == 400);
  CHECK(f.call("PUT", person, json::object()).status == 400);
  CHECK(f.get(workspace).body["compression"] == "OFF");
  CHECK(f.control("PUT", "/_emulator/workspaces/HQ Lobby/compression", {{"compression", "ON"}}).status ==
        200);
  CHECK(f.get(workspace).body["compression"] == "ON");
  CHECK(
      f.control("PUT", "/_emulator/people/alice@acme.example/compression", {{"compression", "OFF"}}).status ==
      200);
  CHECK(f.get(person).body["compression"] == "OFF");
  auto state = f.control("GET", "/_emulator/state").body["settings"]["compression"];
  CHECK(state["workspaces"]["HQ Lobby"] == "ON");
  CHECK(f.get("/telephony/config/people/bogus/devices/settings").status == 404);
}

TEST_CASE("applyChanges: 204, counted per device; PhoneOS refused before first online") {
  SettingsFixture f;
  const auto apply = [&](const std::string& mac) {
    return f.call("POST", "/telephony/config/devices/" + f.device_id(mac) + "/actions/applyChanges/invoke");
  };
  CHECK(f.device_state("001B54AA0001")["settings"]["applyChangesCount"] == 0);
  CHECK(apply("001B54AA0001").status == 204);
  CHECK(f.device_state("001B54AA0001")["settings"]["applyChangesCount"] == 1);
  CHECK(f.device_state("001B54AA0002")["settings"]["applyChangesCount"] == 0);
  auto refused = apply("001B54AA0005");
  CHECK(refused.status == 409);
  CHECK(refused.body["errors"][0]["errorCode"] == 4008);
  CHECK(f.device_state("001B54AA0005")["settings"]["applyChangesCount"] == 0);
  CHECK(apply("001B54AA0004").status == 204);  // a 9861 that has been online
}

TEST_CASE("control device settings edit is stored as is and shows in the state") {
  SettingsFixture f;
  auto r = f.control("PUT", "/_emulator/devices/001B54AA0003/settings",
                     {{"customEnabled", true}, {"customizations", {{"mpp", {{"offHookTimer", 45}}}}}});
  REQUIRE(r.status == 200);
  CHECK(r.body["customEnabled"] == true);
  auto read = f.get(settings_path(f, "001B54AA0003"));
  CHECK(read.body["customizations"]["mpp"]["offHookTimer"] == 45);
  CHECK(read.body["customEnabled"] == true);
  CHECK(f.device_state("001B54AA0003")["settings"]["customizations"]["mpp"]["offHookTimer"] == 45);
  CHECK(f.control("PUT", "/_emulator/devices/FFFFFFFFFFFF/settings", {{"customEnabled", true}}).status ==
        404);
}
