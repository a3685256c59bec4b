#include <doctest/doctest.h>

#include "emulator/config_fixture.h"
#include "emulator/ids.h"

using wx::emulator::test::ConfigFixture;
using wx::emulator::test::Fixture;

TEST_CASE("control: configurations edit (drift), null back to default, checks, read-back") {
  ConfigFixture f;
  auto r = f.control(
      "PUT", "/_emulator/devices/001B54AA0875/configurations",
      {{"Audio.DefaultVolume", 33}, {"Audio.Ringer.Volume", nullptr}, {"Provisioning.Mode", "CUCM"}});
  REQUIRE(r.status == 200);
  CHECK(r.body["configurations"] ==
        nlohmann::json(
            {{"Audio.DefaultVolume", 33}, {"Provisioning.Mode", "CUCM"}, {"SystemUnit.Name", "Alice desk"}}));
  auto items = f.get("/deviceConfigurations?deviceId=" + f.device_id("001B54AA0875")).body["items"];
  CHECK(items["Audio.DefaultVolume"]["value"] == 33);
  CHECK(items["Audio.Ringer.Volume"]["source"] == "default");
  CHECK(items["Provisioning.Mode"]["value"] == "CUCM");  // admin may set the non-editable key

  CHECK(f.control("PUT", "/_emulator/devices/001B54AA0875/configurations", {{"Audio.DefaultVolume", 101}})
            .status == 400);
  CHECK(f.control("PUT", "/_emulator/devices/001B54AA0875/configurations", {{"Nope", 1}}).status == 400);
  CHECK(f.control("PUT", "/_emulator/devices/001B54AA7841/configurations", {{"Audio.DefaultVolume", 1}})
            .status == 400);
  CHECK(f.get("/_emulator/devices/001B54AA0875/config").body["configurations"]["Audio.DefaultVolume"] == 33);
  // Control calls are not counted.
  CHECK(f.control("GET", "/_emulator/stats").body["totalWrites"] == 0);
}

TEST_CASE("control: members without the availability check; hoteling; eligibility; config read") {
  ConfigFixture f;
  auto dave = f.person_id("dave@acme.example");
  nlohmann::json body = {
      {"members", {{{"id", dave}, {"port", 2}, {"lineType", "SHARED_CALL_APPEARANCE"}, {"lineLabel", "D"}}}}};
  auto r = f.control("PUT", "/_emulator/devices/001B54AA7841/members", body);
  REQUIRE(r.status == 200);
  REQUIRE(r.body["members"].size() == 2);
  CHECK(r.body["members"][1]["id"] == dave);
  CHECK(f.control("PUT", "/_emulator/devices/001B54AA7841/members",
                  {{"members", {{{"id", dave}, {"port", 9}}}}})
            .status == 400);

  r = f.control("PUT", "/_emulator/people/bob@acme.example/hoteling",
                {{"enabled", true}, {"guestHoursLimit", 3}});
  REQUIRE(r.status == 200);
  auto cfg = f.get("/_emulator/devices/001B54AA7841/config").body;
  CHECK(cfg["hoteling"] ==
        nlohmann::json({{"enabled", true}, {"limitGuestUse", false}, {"guestHoursLimit", 3}}));
  CHECK(cfg["members"].size() == 2);
  CHECK(f.control("PUT", "/_emulator/workspaces/HQ%20Lobby/hoteling", {{"limitGuestUse", true}}).status ==
        200);
  CHECK(f.get("/_emulator/devices/001B54AA0876/config").body["hoteling"]["limitGuestUse"] == true);
  CHECK(f.control("PUT", "/_emulator/workspaces/HQ%20Lobby/hoteling", {{"guestHoursLimit", 0}}).status ==
        400);

  CHECK(f.control("PUT", "/_emulator/workspaces/HQ%20Lobby/eligibility", {{"sharedLineEligible", false}})
            .status == 200);
  auto dev = f.calling_id("001B54AA7841");
  auto lobby = f.workspace_id("HQ Lobby");
  auto put = f.call("PUT", "/telephony/config/devices/" + dev + "/members",
                    {{"members", {{{"id", lobby}, {"port", 2}}}}});
  CHECK(put.status == 400);
  CHECK(f.control("PUT", "/_emulator/people/nobody@acme.example/eligibility", {{"sharedLineEligible", true}})
            .status == 404);
  CHECK(f.control("PUT", "/_emulator/people/bob@acme.example/eligibility", {{"sharedLineEligible", "no"}})
            .status == 400);
  CHECK(f.get("/_emulator/devices/FFFFFFFFFFFF/config").status == 404);
}

TEST_CASE("seed: configurations, members and hoteling entries; errors name the entry") {
  const std::string base = R"(
locations: [{name: HQ}]
people:
  - {email: a@x.example, firstName: A, lastName: One}
  - {email: b@x.example, firstName: B, lastName: Two, hoteling: {enabled: true}}
workspaces: [{displayName: Room}]
devices:
)";
  Fixture f(Fixture::seeded(base + R"(
  - {mac: "001B54AA0001", model: DMS Cisco 8875, person: a@x.example,
     configurations: {Audio.Ringer.Volume: "3", Bluetooth.Enabled: "false"},
     members: [{workspace: Room, port: 3, lineLabel: "1234"}, {person: b@x.example, port: 2}]}
  - {mac: "001B54AA0002", model: DMS Cisco 7841, person: b@x.example}
)"));
  auto cfg = f.control("GET", "/_emulator/devices/001B54AA0001/config").body;
  CHECK(cfg["configurations"]["Audio.Ringer.Volume"] == 3);
  CHECK(cfg["configurations"]["Bluetooth.Enabled"] == false);
  REQUIRE(cfg["members"].size() == 3);
  CHECK(cfg["members"][2]["lineLabel"] == "1234");
  CHECK(f.control("GET", "/_emulator/devices/001B54AA0002/config").body["hoteling"]["enabled"] == true);

  auto bad = [&](const std::string& device, const std::string& needle) {
    try {
      Fixture g(Fixture::seeded(base + device));
      FAIL("seed accepted: " << device);
    } catch (const std::exception& e) {
      CHECK_MESSAGE(std::string(e.what()).find(needle) != std::string::npos, e.what());
    }
  };
  bad(R"(  - {mac: "001B54AA0001", model: DMS Cisco 8875, person: a@x.example, configurations: {Audio.Ringer.Volume: 99}})",
      "Audio.Ringer.Volume");
  bad(R"(  - {mac: "001B54AA0001", model: DMS Cisco 7841, person: a@x.example, configurations: {Audio.Ringer.Volume: 3}})",
      "configuration service");
  bad(R"(  - {mac: "001B54AA0001", model: DMS Cisco 7841, person: a@x.example, members: [{person: nobody@x.example, port: 2}]})",
      "nobody@x.example");
  bad(R"(  - {mac: "001B54AA0001", model: DMS Cisco 7841, person: a@x.example, hoteling: {guestHoursLimit: 0}})",
      "001B54AA0001");
}
