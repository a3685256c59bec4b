#include <doctest/doctest.h>

#include "emulator/emulator_fixture.h"

using wx::emulator::test::Fixture;

TEST_CASE("activation code: activating until used through the control API, then online") {
  Fixture f;
  auto lobby = f.workspace_id("HQ Lobby");
  CHECK(f.call("POST", "/devices/activationCode", {{"workspaceId", lobby}}).status ==
        400);  // phones need a model
  auto r = f.call("POST", "/devices/activationCode", {{"workspaceId", lobby}, {"model", "DMS Cisco 9851"}});
  REQUIRE(r.status == 200);
  auto code = r.body["code"].get<std::string>();
  CHECK(code.size() == 16);
  CHECK(code.find_first_not_of("0123456789") == std::string::npos);
  CHECK(r.body.contains("expiryTime"));

  auto listed = f.get("/devices?workspaceId=" + lobby).body["items"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["connectionStatus"] == "activating");
  CHECK_FALSE(listed[0].contains("mac"));
  auto id = listed[0]["id"].get<std::string>();
  auto ws = f.get("/telephony/config/workspaces/" + lobby + "/devices").body["devices"];
  REQUIRE(ws.size() == 1);
  CHECK(ws[0]["activationState"] == "ACTIVATING");  // upper-case in the workspace schema
  CHECK(f.get("/telephony/config/devices/" + id).body["activationState"] == "activating");

  f.advance(3600);  // activationCodeUsedAfter: null -> nothing happens by itself
  CHECK(f.get("/devices/" + id).body["connectionStatus"] == "activating");

  auto used =
      f.control("POST", "/_emulator/activationCodes/" + code + "/use", {{"mac", "00-1B-54-AA-0F-01"}});
  REQUIRE(used.status == 200);
  CHECK(used.body["mac"] == "001B54AA0F01");
  CHECK(f.get("/telephony/config/devices/" + id).body["activationState"] == "activated");
  CHECK(f.get("/devices/" + id).body["connectionStatus"] != "connected");
  f.advance(6);  // onlineAfterActivation: 5s
  auto online = f.get("/devices/" + id).body;
  CHECK(online["connectionStatus"] == "connected");
  CHECK(online["mac"] == "001B54AA0F01");

  CHECK(f.control("POST", "/_emulator/activationCodes/" + code + "/use").status == 409);  // used once only
  CHECK(f.control("POST", "/_emulator/activationCodes/0000000000000000/use").status == 404);
}

TEST_CASE("activation code used after a configured delay") {
  std::string seed = wx::emulator::test::kTestSeed;
  const std::string never = "activationCodeUsedAfter: null";
  seed.replace(seed.find(never), never.size(), "activationCodeUsedAfter: 60s");
  Fixture f(Fixture::seeded(seed));
  auto alice = f.person_id("alice@acme.example");
  auto r = f.call("POST", "/devices/activationCode", {{"personId", alice}, {"model", "DMS Cisco 8851"}});
  REQUIRE(r.status == 200);
  auto devices = f.get("/telephony/config/people/" + alice + "/devices").body["devices"];
  REQUIRE(devices.size() == 1);
  CHECK(devices[0]["activationState"] == "activating");  // lower-case in the people schema
  f.advance(61);
  auto d = f.get("/devices?personId=" + alice).body["items"][0];
  CHECK(d["connectionStatus"] == "activating");  // code used, not yet registered
  CHECK(d.contains("mac"));
  f.advance(5);
  CHECK(f.get("/devices?personId=" + alice).body["items"][0]["connectionStatus"] == "connected");
}
