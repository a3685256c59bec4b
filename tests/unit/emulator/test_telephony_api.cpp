#include <doctest/doctest.h>

#include "emulator/emulator_fixture.h"
#include "emulator/ids.h"

using namespace wx::emulator;
using wx::emulator::test::Fixture;

TEST_CASE("GET /telephony/config/devices/{id}: calling view of a phone") {
  Fixture f;
  auto d = f.get("/devices?mac=001B54AA0003").body["items"][0];
  auto r = f.get("/telephony/config/devices/" + d["callingDeviceId"].get<std::string>());
  REQUIRE(r.status == 200);
  CHECK(decode_id(r.body["id"].get<std::string>())->kind == "CALLING_DEVICE");
  CHECK(r.body["model"] == "DMS Cisco 8851");
  CHECK(r.body["mac"] == "001B54AA0003");
  CHECK(r.body["description"] == nlohmann::json({"managed-by-wxphones", "hq"}));
  CHECK(r.body["manufacturer"] == "CISCO");
  CHECK_FALSE(r.body.contains("activationState"));  // MAC-added phones have none
}

TEST_CASE("person and workspace device listings") {
  Fixture f;
  auto bob = f.person_id("bob@acme.example");
  auto r = f.get("/telephony/config/people/" + bob + "/devices");
  REQUIRE(r.status == 200);
  REQUIRE(r.body["devices"].size() == 1);
  auto d = r.body["devices"][0];
  CHECK(decode_id(d["id"].get<std::string>())->kind == "CALLING_DEVICE");
  CHECK(d["description"] == nlohmann::json({"managed-by-wxphones", "hq"}));
  CHECK(d["type"] == "PRIMARY");
  CHECK(d["primaryOwner"] == true);
  CHECK(d["model"] == "DMS Cisco 8851");
  CHECK(d["modelType"] == "MPP");
  CHECK(d["owner"]["type"] == "PEOPLE");
  CHECK(d["owner"]["firstName"] == "Bob");
  CHECK(d["hoteling"].contains("enabled"));
  CHECK(r.body.contains("maxDeviceCount"));
  CHECK(r.body.contains("maxOwnedDeviceCount"));

  auto kitchen = f.workspace_id("Branch Kitchen");
  auto w = f.get("/telephony/config/workspaces/" + kitchen + "/devices");
  REQUIRE(w.body["devices"].size() == 1);
  CHECK(w.body["devices"][0]["owner"]["type"] == "PLACE");
  CHECK_FALSE(w.body["devices"][0].contains("modelType"));
  CHECK(f.get("/telephony/config/people/" + make_id("PEOPLE", "nobody") + "/devices").status == 404);
}

TEST_CASE("validateMacs: AVAILABLE, UNAVAILABLE 5675, DUPLICATE_IN_LIST 5676, INVALID 25220") {
  Fixture f;
  auto r = f.call("POST", "/telephony/config/devices/actions/validateMacs/invoke",
                  {{"macs", {"ab125678cdef", "001b54aa0003", "AB:12:56:78:CD:EF", "kjhgf"}}});
  REQUIRE(r.status == 200);
  CHECK(r.body["status"] == "ERRORS");
  auto s = r.body["macStatus"];
  REQUIRE(s.size() == 4);
  CHECK(s[0]["mac"] == "ab125678cdef");
  CHECK(s[0]["state"] == "AVAILABLE");
  CHECK_FALSE(s[0].contains("errorCode"));
  CHECK(s[1]["state"] == "UNAVAILABLE");
  CHECK(s[1]["errorCode"] == 5675);
  CHECK(s[1]["message"] == "[Error 5675] MAC Address is in use.");
  CHECK(s[2]["state"] == "DUPLICATE_IN_LIST");
  CHECK(s[2]["errorCode"] == 5676);
  CHECK(s[3]["state"] == "INVALID");
  CHECK(s[3]["errorCode"] == 25220);
  CHECK(s[3]["message"].get<std::string>().rfind("Invalid", 0) == 0);
  auto ok =
      f.call("POST", "/telephony/config/devices/actions/validateMacs/invoke", {{"macs", {"ab125678cdef"}}});
  CHECK(ok.body["status"] == "OK");
  CHECK(f.call("POST", "/telephony/config/devices/actions/validateMacs/invoke", {{"x", 1}}).status == 400);
}

TEST_CASE("supportedDevices: built-in catalog with type and layout filters") {
  Fixture f;
  auto all = f.get("/telephony/config/supportedDevices").body;
  REQUIRE(all["devices"].size() > 10);
  CHECK(all.contains("upgradeChannelList"));
  auto mpp = f.get("/telephony/config/supportedDevices?type=MPP").body["devices"];
  auto not_mpp = f.get("/telephony/config/supportedDevices?type=not:MPP").body["devices"];
  CHECK(mpp.size() + not_mpp.size() == all["devices"].size());
  for (const auto& d : mpp) CHECK(d["type"] == "MPP");
  for (const auto& d : not_mpp) CHECK(d["type"] != "MPP");
  CHECK(f.get("/telephony/config/supportedDevices?allowConfigureLayoutEnabled=true").status == 200);
  CHECK(f.get("/telephony/config/supportedDevices?allowConfigureLayoutEnabled=maybe").status == 400);
}

TEST_CASE("people, workspaces and locations lookups") {
  Fixture f;
  auto people = f.get("/people?email=ALICE@acme.example").body["items"];
  REQUIRE(people.size() == 1);
  CHECK(people[0]["emails"][0] == "alice@acme.example");
  CHECK(people[0]["displayName"] == "Alice Adams");
  CHECK(decode_id(people[0]["id"].get<std::string>())->kind == "PEOPLE");
  CHECK(f.get("/people?email=nobody@acme.example").body["items"].empty());
  CHECK(f.get("/people?displayName=Car").body["items"].size() == 1);
  auto by_id = f.get("/people?id=" +
                     Fixture::encode(people[0]["id"].get<std::string>() + "," + make_id("PEOPLE", "gone")))
                   .body;
  CHECK(by_id["items"].size() == 1);
  CHECK(by_id["notFoundIds"].size() == 1);
  auto page = f.get("/people?max=2");
  CHECK(page.body["items"].size() == 2);
  CHECK_FALSE(page.header("Link").empty());

  CHECK(f.get("/workspaces?displayName=HQ%20Lobby").body["items"].size() == 1);
  CHECK(f.get("/workspaces?max=1").body["items"].size() == 1);
  CHECK(f.get("/locations").body["items"].size() == 2);
  CHECK(f.get("/locations?name=hq").body["items"][0]["name"] == "HQ");
  auto loc = f.get("/locations?max=1");
  CHECK(loc.body["items"].size() == 1);
  CHECK_FALSE(loc.header("Link").empty());
}
