#include <doctest/doctest.h>

#include "emulator/config_fixture.h"
#include "emulator/ids.h"

using wx::emulator::decode_id;
using wx::emulator::make_id;
using wx::emulator::test::ConfigFixture;

namespace {
nlohmann::json line(const std::string& id, int port, nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json j = {{"id", id},
                      {"port", port},
                      {"primaryOwner", false},
                      {"lineType", "SHARED_CALL_APPEARANCE"},
                      {"lineWeight", 1},
                      {"hotlineEnabled", false},
                      {"hotlineDestination", ""},
                      {"allowCallDeclineEnabled", true}};
  j.update(extra);
  return j;
}
}  // namespace

TEST_CASE("members GET: the owner alone on port 1 with every documented field") {
  ConfigFixture f;
  auto r = f.get("/telephony/config/devices/" + f.calling_id("001B54AA7841") + "/members");
  REQUIRE(r.status == 200);
  CHECK(r.body["model"] == "DMS Cisco 7841");
  CHECK(r.body["maxLineCount"] == 4);
  REQUIRE(r.body["members"].size() == 1);
  auto m = r.body["members"][0];
  CHECK(m["id"] == f.person_id("bob@acme.example"));
  CHECK(m["firstName"] == "Bob");
  CHECK(m["lastName"] == "Brown");
  CHECK(m["extension"] == "1002");
  CHECK(m["primaryOwner"] == true);
  CHECK(m["port"] == 1);
  CHECK(m["lineType"] == "PRIMARY");
  CHECK(m["lineWeight"] == 1);
  CHECK(m["memberType"] == "PEOPLE");
  CHECK(m["location"]["name"] == "HQ");
  for (const char* field : {"t38FaxCompressionEnabled", "hotlineEnabled", "hotlineDestination",
                            "allowCallDeclineEnabled", "linePort"}) {
    CHECK_MESSAGE(m.contains(field), field);
  }
  // DEVICE ids work too.
  CHECK(f.get("/telephony/config/devices/" + f.device_id("001B54AA7841") + "/members").status == 200);
}

TEST_CASE("members PUT: full replacement, sorted by port, shared line shows on the member's devices") {
  ConfigFixture f;
  auto dev = f.calling_id("001B54AA7841");
  auto bob = f.person_id("bob@acme.example");
  auto carol = f.person_id("carol@acme.example");
  auto lobby = f.workspace_id("HQ Lobby");
  auto path = "/telephony/config/devices/" + dev + "/members";
  // The owner as the spec's example sends it (SHARED_CALL_APPEARANCE) with weight 2; listed out of order.
  auto r = f.call("PUT", path,
                  {{"members",
                    {line(lobby, 4), line(carol, 3, {{"lineLabel", "Carol"}}),
                     line(bob, 1, {{"primaryOwner", true}, {"lineWeight", 2}})}}});
  REQUIRE(r.status == 204);
  auto members = f.get(path).body["members"];
  REQUIRE(members.size() == 3);
  CHECK(members[0]["id"] == bob);
  CHECK(members[0]["lineType"] == "PRIMARY");
  CHECK(members[0]["lineWeight"] == 2);
  CHECK(members[1]["id"] == carol);
  CHECK(members[1]["port"] == 3);
  CHECK(members[1]["lineLabel"] == "Carol");
  CHECK(members[1]["primaryOwner"] == false);
  CHECK(members[2]["memberType"] == "PLACE");
  CHECK(members[2]["firstName"] == "HQ Lobby");

  auto carol_devices = f.get("/telephony/config/people/" + carol + "/devices").body["devices"];
  REQUIRE(carol_devices.size() == 1);
  CHECK(carol_devices[0]["id"] == dev);
  CHECK(carol_devices[0]["type"] == "SHARED_CALL_APPEARANCE");
  CHECK(carol_devices[0]["primaryOwner"] == false);
  CHECK(carol_devices[0]["owner"]["id"] == bob);
  auto lobby_devices = f.get("/telephony/config/workspaces/" + lobby + "/devices").body["devices"];
  REQUIRE(lobby_devices.size() == 2);  // its own 8875, then the shared line
  CHECK(lobby_devices[0]["type"] == "PRIMARY");
  CHECK(lobby_devices[1]["type"] == "SHARED_CALL_APPEARANCE");
  CHECK(f.get("/telephony/config/people/" + carol + "/devices/count").body ==
        nlohmann::json({{"totalDeviceCount", 1}, {"applicationsCount", 0}}));

  // No body, then an empty list: the owner alone; carol loses the shared line.
  CHECK(f.call("PUT", path).status == 204);
  CHECK(f.get(path).body["members"].size() == 1);
  CHECK(f.call("PUT", path, {{"members", nlohmann::json::array()}}).status == 204);
  members = f.get(path).body["members"];
  REQUIRE(members.size() == 1);
  CHECK(members[0]["primaryOwner"] == true);
  CHECK(f.get("/telephony/config/people/" + carol + "/devices").body["devices"].empty());
  // Members without the owner: the owner stays on port 1.
  CHECK(f.call("PUT", path, {{"members", {line(carol, 2)}}}).status == 204);
  members = f.get(path).body["members"];
  REQUIRE(members.size() == 2);
  CHECK(members[0]["id"] == bob);
}

TEST_CASE("members PUT: validation is a 400 naming the member, nothing stored") {
  ConfigFixture f;
  auto path = "/telephony/config/devices/" + f.calling_id("001B54AA7841") + "/members";
  auto bob = f.person_id("bob@acme.example");
  auto carol = f.person_id("carol@acme.example");
  auto dave = f.person_id("dave@acme.example");
  auto expect_400 = [&](const std::vector<nlohmann::json>& list, const std::string& needle) {
    nlohmann::json members = list;
    CAPTURE(members.dump());
    auto r = f.call("PUT", path, {{"members", members}});
    CHECK(r.status == 400);
    CHECK(r.body["message"].get<std::string>().find(needle) != std::string::npos);
  };
  expect_400({line(carol, 5)}, "outside 1..4");
  expect_400({line(carol, 4, {{"lineWeight", 2}})}, "outside 1..4");
  expect_400({line(carol, 0)}, "outside");
  expect_400({line(bob, 1, {{"lineWeight", 2}}), line(carol, 2)}, "overlaps");
  expect_400({line(carol, 1)}, "overlaps");  // the owner keeps port 1
  expect_400({line(carol, 2, {{"lineType", "PRIMARY"}})}, "PRIMARY");
  expect_400({line(carol, 2, {{"lineType", "BOGUS"}})}, "BOGUS");
  expect_400({line(carol, 2, {{"primaryOwner", true}})}, "primaryOwner");
  expect_400({line(carol, 2), line(carol, 3)}, "more than once");
  expect_400({line(make_id("PEOPLE", "nobody"), 2)}, "not a person or workspace");
  expect_400({line(dave, 2)}, "Dave Zed");  // not eligible for shared lines
  expect_400({line(bob, 2)}, "port 1");
  expect_400({line(carol, 2, {{"port", "two"}})}, "port");
  expect_400({line(carol, 2, {{"hotlineEnabled", true}})}, "hotlineDestination");
  CHECK(f.get(path).body["members"].size() == 1);
  CHECK(f.call("PUT", "/telephony/config/devices/" + make_id("DEVICE", "nope") + "/members").status == 404);
}

TEST_CASE("available members: eligibility, already on the device, filters, order, paging, counts") {
  ConfigFixture f;
  auto dev = f.calling_id("001B54AA7841");
  auto base = "/telephony/config/devices/" + dev + "/availableMembers";
  auto names = [&](const std::string& query) {
    auto r = f.get(base + query);
    REQUIRE(r.status == 200);
    std::vector<std::string> out;
    for (const auto& m : r.body["members"]) out.push_back(m["firstName"].get<std::string>());
    return out;
  };
  // bob owns the phone, dave is not eligible; default order lname (workspaces have no last name).
  CHECK(names("") == std::vector<std::string>{"Branch Kitchen", "HQ Lobby", "Alice", "Carol"});
  CHECK(names("?order=fname") == std::vector<std::string>{"Alice", "Branch Kitchen", "Carol", "HQ Lobby"});
  CHECK(names("?memberName=LOB") == std::vector<std::string>{"HQ Lobby"});
  CHECK(names("?memberName=adams") == std::vector<std::string>{"Alice"});
  CHECK(names("?extension=100") == std::vector<std::string>{"Alice"});
  CHECK(names("?phoneNumber=555010") == std::vector<std::string>{"Alice"});
  CHECK(names("?usageType=DEVICE_OWNER&memberName=dave") == std::vector<std::string>{"Dave"});
  auto branch = f.get("/locations?name=Branch").body["items"][0]["id"].get<std::string>();
  CHECK(names("?locationId=" + branch) == std::vector<std::string>{"Branch Kitchen", "Carol"});

  auto r = f.get(base + "?max=3");
  REQUIRE(r.body["members"].size() == 3);
  auto link = r.header("Link");
  CHECK(link.find("start=3") != std::string::npos);
  CHECK(f.get(base + "?start=3&max=3").body["members"].size() == 1);
  auto m = f.get(base + "?memberName=alice").body["members"][0];
  CHECK(m["id"] == f.person_id("alice@acme.example"));
  CHECK(m["lineType"] == "SHARED_CALL_APPEARANCE");
  CHECK(m["memberType"] == "PEOPLE");
  CHECK(m["location"]["name"] == "HQ");
  CHECK(m["allowCallDeclineEnabled"] == true);

  CHECK(f.get(base + "/count").body == nlohmann::json({{"totalCount", 4}}));
  CHECK(f.get(base + "/count?memberName=r").body["totalCount"] == 2);  // Branch Kitchen, Carol Clark
  CHECK(f.get(base + "/count?memberName=carol").body["totalCount"] == 1);
  // Once carol has a shared line, she is no longer available on this phone.
  REQUIRE(f.call("PUT", "/telephony/config/devices/" + dev + "/members",
                 {{"members", {line(f.person_id("carol@acme.example"), 2)}}})
              .status == 204);
  CHECK(f.get(base + "/count").body["totalCount"] == 3);

  // Org level: every eligible person and workspace (5 of 6).
  auto org = "/telephony/config/devices/availableMembers/count";
  CHECK(f.get(org).body == nlohmann::json({{"totalCount", 5}}));
  CHECK(f.get(std::string(org) + "?excludeVirtualLine=true&deviceLocationId=" + branch).body["totalCount"] ==
        5);
  CHECK(f.get(std::string(org) + "?deviceLocationId=" + make_id("LOCATION", "nope")).status == 400);
  CHECK(f.get(std::string(org) + "?excludeVirtualLine=maybe").status == 400);
  CHECK(f.get(base + "?usageType=OTHER").status == 400);
  CHECK(f.get(base + "?order=age").status == 400);
  // Eligibility through the control API.
  CHECK(f.control("PUT", "/_emulator/people/dave@acme.example/eligibility", {{"sharedLineEligible", true}})
            .status == 200);
  CHECK(f.get(org).body["totalCount"] == 6);
}
