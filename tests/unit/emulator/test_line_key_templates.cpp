#include <doctest/doctest.h>

#include "emulator/ids.h"
#include "emulator/layout_fixture.h"

using nlohmann::json;
using wx::emulator::test::key;
using wx::emulator::test::LayoutFixture;
using wx::emulator::test::speed_dial;

namespace {
const std::string kBase = "/telephony/config/devices/lineKeyTemplates";
}

TEST_CASE("line key templates: create, list, get, update, delete") {
  LayoutFixture f;
  json keys = json::array({key(1, "PRIMARY_LINE"), speed_dial(2, "Help Line", "3568")});
  auto created = f.call("POST", kBase,
                        {{"templateName", "Sales 8851"}, {"deviceModel", "Cisco 8851"}, {"lineKeys", keys}});
  REQUIRE(created.status == 201);
  auto id = created.body["id"].get<std::string>();
  CHECK(created.body.size() == 1);
  auto decoded = wx::emulator::decode_id(id);
  REQUIRE(decoded);
  CHECK(decoded->kind == "DEVICE_LINE_KEY_TEMPLATE");

  auto list = f.get(kBase);
  REQUIRE(list.status == 200);
  REQUIRE(list.body["lineKeyTemplates"].size() == 1);
  CHECK(list.body["lineKeyTemplates"][0] == json{{"id", id},
                                                 {"templateName", "Sales 8851"},
                                                 {"deviceModel", "DMS Cisco 8851"},
                                                 {"modelDisplayName", "Cisco 8851"}});
  auto got = f.get(kBase + "/" + id);
  REQUIRE(got.status == 200);
  CHECK(got.body["userReorderEnabled"] == false);
  CHECK(got.body["lineKeys"] == keys);

  json new_keys = json::array({key(1, "PRIMARY_LINE"), key(2, "MONITOR"), key(3, "OPEN")});
  CHECK(f.call("PUT", kBase + "/" + id, {{"userReorderEnabled", true}, {"lineKeys", new_keys}}).status ==
        204);
  // wxc_sdk echoes name and model: unchanged values pass, changes are refused.
  CHECK(f.call("PUT", kBase + "/" + id,
               {{"templateName", "Sales 8851"}, {"deviceModel", "DMS Cisco 8851"}, {"lineKeys", new_keys}})
            .status == 204);
  CHECK(f.call("PUT", kBase + "/" + id, {{"templateName", "Renamed"}, {"lineKeys", new_keys}}).status == 400);
  CHECK(f.call("PUT", kBase + "/" + id, {{"deviceModel", "DMS Cisco 8861"}, {"lineKeys", new_keys}}).status ==
        400);
  CHECK(f.call("PUT", kBase + "/" + id, {{"userReorderEnabled", false}}).status == 400);  // lineKeys required
  got = f.get(kBase + "/" + id);
  CHECK(got.body["userReorderEnabled"] == true);
  CHECK(got.body["lineKeys"] == new_keys);
  CHECK(got.body["templateName"] == "Sales 8851");

  CHECK(f.call("DELETE", kBase + "/" + id).status == 204);
  CHECK(f.get(kBase + "/" + id).status == 404);
  CHECK(f.call("DELETE", kBase + "/" + id).status == 404);
  CHECK(f.get(kBase).body["lineKeyTemplates"].empty());
}

TEST_CASE("line key templates: required fields, model checks, duplicate names") {
  LayoutFixture f;
  json keys = json::array({key(1, "PRIMARY_LINE")});
  CHECK(f.call("POST", kBase, {{"deviceModel", "DMS Cisco 8851"}, {"lineKeys", keys}}).status == 400);
  CHECK(f.call("POST", kBase, {{"templateName", "T"}, {"lineKeys", keys}}).status == 400);
  CHECK(f.call("POST", kBase, {{"templateName", "T"}, {"deviceModel", "Cisco 1234"}, {"lineKeys", keys}})
            .status == 400);
  CHECK(f.call("POST", kBase, {{"templateName", "T"}, {"deviceModel", "DMS Cisco 8851"}}).status == 400);
  // Keys are checked against the model: the 7841 has 4 line keys.
  CHECK(f.call("POST", kBase,
               {{"templateName", "T"},
                {"deviceModel", "DMS Cisco 7841"},
                {"lineKeys", json::array({key(1, "PRIMARY_LINE"), key(5, "OPEN")})}})
            .status == 400);
  CHECK(f.call("POST", kBase,
               {{"templateName", "T"},
                {"deviceModel", "DMS Cisco 8851"},
                {"lineKeys", json::array({key(1, "OPEN")})}})
            .status == 400);
  CHECK_FALSE(f.create_template("T", "DMS Cisco 8851", keys).empty());
  auto dup =
      f.call("POST", kBase, {{"templateName", "t"}, {"deviceModel", "DMS Cisco 7841"}, {"lineKeys", keys}});
  CHECK(dup.status == 409);
  CHECK(dup.body["trackingId"].is_string());
  CHECK(f.get(kBase + "/not-an-id").status == 404);
}
