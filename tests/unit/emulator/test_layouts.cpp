#include <doctest/doctest.h>

#include "emulator/layout_fixture.h"

using nlohmann::json;
using wx::emulator::test::kem;
using wx::emulator::test::key;
using wx::emulator::test::LayoutFixture;
using wx::emulator::test::speed_dial;

TEST_CASE("layout: a new phone reads back {layoutMode: DEFAULT} and nothing else") {
  LayoutFixture f;
  auto r = f.layout("001B54AA0001");
  REQUIRE(r.status == 200);
  CHECK(r.body == json{{"layoutMode", "DEFAULT"}});
}

TEST_CASE("layout: CUSTOM is stored as sent; KEM keys not sent read back OPEN; both id forms") {
  LayoutFixture f;
  json keys = json::array({key(1, "PRIMARY_LINE"), speed_dial(2, "Help", "3568"), key(3, "MONITOR")});
  json body = {{"layoutMode", "CUSTOM"},
               {"userReorderEnabled", true},
               {"lineKeys", keys},
               {"kemModuleType", "KEM_14_KEYS"},
               {"kemKeys", json::array({kem(2, 3, "CLOSED"), kem(1, 1, "MONITOR")})}};
  REQUIRE(f.put_layout("001B54AA0001", body).status == 204);
  auto r = f.get("/telephony/config/devices/" + f.calling_id("001B54AA0001") + "/layout");
  REQUIRE(r.status == 200);
  CHECK(r.body["layoutMode"] == "CUSTOM");
  CHECK(r.body["userReorderEnabled"] == true);
  CHECK(r.body["lineKeys"] == keys);
  CHECK(r.body["kemModuleType"] == "KEM_14_KEYS");
  const auto& kem_keys = r.body["kemKeys"];
  REQUIRE(kem_keys.size() == 28);  // modules 1..2 (the highest sent) x 14 keys
  CHECK(kem_keys[0] == kem(1, 1, "MONITOR"));
  CHECK(kem_keys[1] == kem(1, 2, "OPEN"));
  CHECK(kem_keys[14 + 2] == kem(2, 3, "CLOSED"));
  CHECK(kem_keys[27] == kem(2, 14, "OPEN"));

  // Back to DEFAULT: no lineKeys, kemModuleType or kemKeys (WEBEX_API §6.7 observed).
  REQUIRE(f.put_layout("001B54AA0001", {{"layoutMode", "DEFAULT"}}).status == 204);
  r = f.layout("001B54AA0001");
  CHECK(r.body == json{{"layoutMode", "DEFAULT"}});
}

TEST_CASE("layout: line keys read back sorted by index, sharedLineIndex kept") {
  LayoutFixture f;
  json shared = {{"lineKeyIndex", 3}, {"lineKeyType", "SHARED_LINE"}, {"sharedLineIndex", 1}};
  REQUIRE(f.put_layout("001B54AA0004", {{"layoutMode", "CUSTOM"},
                                        {"lineKeys", json::array({shared, key(1, "PRIMARY_LINE")})}})
              .status == 204);
  auto r = f.layout("001B54AA0004");
  CHECK(r.body["lineKeys"] == json::array({key(1, "PRIMARY_LINE"), shared}));
  CHECK(r.body["userReorderEnabled"] == false);
  CHECK_FALSE(r.body.contains("kemKeys"));
}

TEST_CASE("layout: validation errors are 400 Webex errors and leave the layout alone") {
  LayoutFixture f;
  auto custom = [](json keys) { return json{{"layoutMode", "CUSTOM"}, {"lineKeys", std::move(keys)}}; };
  auto with_kem = [&](const std::string& type, json kem_keys) {
    auto b = custom(json::array({key(1, "PRIMARY_LINE")}));
    b["kemModuleType"] = type;
    b["kemKeys"] = std::move(kem_keys);
    return b;
  };
  struct Case {
    const char* what;
    const char* mac;
    json body;
    const char* message_part;
  };
  const Case cases[] = {
      {"index 1 not PRIMARY_LINE", "001B54AA0001", custom(json::array({key(1, "MONITOR")})), "PRIMARY_LINE"},
      {"index 1 missing", "001B54AA0001", custom(json::array({key(2, "MONITOR")})), "PRIMARY_LINE"},
      {"index beyond the 7841's 4 keys", "001B54AA0004",
       custom(json::array({key(1, "PRIMARY_LINE"), key(5, "MONITOR")})), "between 1 and 4"},
      {"duplicate index", "001B54AA0001",
       custom(json::array({key(1, "PRIMARY_LINE"), key(2, "MONITOR"), key(2, "OPEN")})), "Duplicate"},
      {"unknown key type", "001B54AA0001", custom(json::array({key(1, "PRIMARY_LINE"), key(2, "FANCY")})),
       "lineKeyType"},
      {"speed dial without a value", "001B54AA0001",
       custom(json::array({key(1, "PRIMARY_LINE"), key(2, "SPEED_DIAL")})), "SPEED_DIAL"},
      {"speed dial with a bad URI", "001B54AA0001",
       custom(json::array({key(1, "PRIMARY_LINE"), speed_dial(2, "x", "a@b@c")})), "SPEED_DIAL"},
      {"sharedLineIndex on some shared keys only", "001B54AA0001",
       custom(json::array({key(1, "PRIMARY_LINE"),
                           {{"lineKeyIndex", 2}, {"lineKeyType", "SHARED_LINE"}, {"sharedLineIndex", 1}},
                           key(3, "SHARED_LINE")})),
       "all SHARED_LINE keys or none"},
      {"CUSTOM without lineKeys", "001B54AA0001", json{{"layoutMode", "CUSTOM"}}, "lineKeys"},
      {"bad layoutMode", "001B54AA0001", json{{"layoutMode", "FANCY"}}, "layoutMode"},
      {"userReorderEnabled as a string", "001B54AA0001",
       json{{"layoutMode", "DEFAULT"}, {"userReorderEnabled", "true"}}, "boolean"},
      {"KEM on a model without KEM", "001B54AA0004",
       with_kem("KEM_14_KEYS", json::array({kem(1, 1, "OPEN")})), "key expansion"},
      {"KEM type the model does not list", "001B54AA0001", with_kem("KEM_20_KEYS", json::array()),
       "KEM_20_KEYS"},
      {"module index above kemModuleCount", "001B54AA0001",
       with_kem("KEM_18_KEYS", json::array({kem(3, 1, "OPEN")})), "kemModuleIndex"},
      {"key index above the module's keys", "001B54AA0001",
       with_kem("KEM_14_KEYS", json::array({kem(1, 15, "OPEN")})), "between 1 and 14"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto r = f.put_layout(c.mac, c.body);
    CHECK(r.status == 400);
    CHECK(r.body["message"].get<std::string>().find(c.message_part) != std::string::npos);
    CHECK(r.body["trackingId"].is_string());
    CHECK(f.layout(c.mac).body == json{{"layoutMode", "DEFAULT"}});
  }
  CHECK(f.put_layout("001B54AA0001",
                     custom(json::array({key(1, "PRIMARY_LINE"), speed_dial(2, "x", "bob@acme.example")})))
            .status == 204);
  CHECK(f.call("PUT", "/telephony/config/devices/Y2lzY29zcGFyazovL3VzL0RFVklDRS9ub3BlCg/layout",
               {{"layoutMode", "DEFAULT"}})
            .status == 404);
}

TEST_CASE("layout: a PhoneOS phone never online refuses layout writes until it has been online") {
  LayoutFixture f;
  json body = {{"layoutMode", "CUSTOM"},
               {"lineKeys", json::array({key(1, "PRIMARY_LINE"), key(2, "MONITOR")})}};
  auto r = f.put_layout("001B54AA0005", body);
  CHECK(r.status == 409);
  CHECK(r.body["errors"][0]["errorCode"] == 4008);
  CHECK(f.layout("001B54AA0005").status == 200);  // reads are fine
  f.control("POST", "/_emulator/devices/001B54AA0005/online");
  CHECK(f.put_layout("001B54AA0005", body).status == 204);
  CHECK(f.layout("001B54AA0005").body["lineKeys"].size() == 2);
}

TEST_CASE("layout: the control API sets a layout (an admin's change) and shows it in /_emulator/state") {
  LayoutFixture f;
  json body = {{"layoutMode", "CUSTOM"},
               {"lineKeys", json::array({key(1, "PRIMARY_LINE"), key(2, "CLOSED")})}};
  auto r = f.control("PUT", "/_emulator/devices/001B54AA0002/layout", body);
  REQUIRE(r.status == 200);
  CHECK(f.layout("001B54AA0002").body["lineKeys"][1]["lineKeyType"] == "CLOSED");
  CHECK(f.control("PUT", "/_emulator/devices/001B54AA0002/layout", {{"layoutMode", "CUSTOM"}}).status == 400);
  auto state = f.control("GET", "/_emulator/state").body;
  bool found = false;
  for (const auto& d : state["devices"]) {
    if (d["mac"] == "001B54AA0002") {
      found = true;
      CHECK(d["layout"]["layoutMode"] == "CUSTOM");
    }
  }
  CHECK(found);
  CHECK(f.control("GET", "/_emulator/stats").body["totalWrites"] == 0);  // control calls are not counted
}
