#include <doctest/doctest.h>

#include "emulator/config_catalog.h"
#include "emulator/config_fixture.h"
#include "emulator/ids.h"

using wx::emulator::KeyFilter;
using wx::emulator::test::ConfigFixture;

namespace {
nlohmann::json replace(const std::string& key, nlohmann::json value) {
  return {{"op", "replace"}, {"path", key + "/sources/configured/value"}, {"value", std::move(value)}};
}
nlohmann::json remove_op(const std::string& key) {
  return {{"op", "remove"}, {"path", key + "/sources/configured/value"}};
}
}  // namespace

TEST_CASE("KeyFilter: absolute, wildcard and range forms") {
  auto f = [](const char* text) { return *KeyFilter::parse(text); };
  CHECK(f("Conference.MaxReceiveCallRate").matches("Conference.MaxReceiveCallRate"));
  CHECK_FALSE(f("Conference.MaxReceiveCallRate").matches("Conference.DefaultCall.Rate"));
  CHECK_FALSE(f("Conference").matches("Conference.MaxReceiveCallRate"));
  CHECK(f("Audio.*").matches("Audio.Ringer.Volume"));
  CHECK(f("Audio.*").matches("Audio.DefaultVolume"));
  CHECK_FALSE(f("Audio.*").matches("Audio"));
  CHECK(f("Audio.*.Volume").matches("Audio.Ringer.Volume"));
  CHECK_FALSE(f("Audio.*.Volume").matches("Audio.Ultrasound.MaxVolume"));
  CHECK(f("FacilityService.Service[2].Name").matches("FacilityService.Service[2].Name"));
  CHECK_FALSE(f("FacilityService.Service[2].Name").matches("FacilityService.Service[1].Name"));
  CHECK(f("FacilityService.Service[*].Name").matches("FacilityService.Service[3].Name"));
  CHECK(f("FacilityService.Service[1..2].Name").matches("FacilityService.Service[2].Name"));
  CHECK_FALSE(f("FacilityService.Service[1..2].Name").matches("FacilityService.Service[3].Name"));
  CHECK(f("FacilityService.Service[2..n].Name").matches("FacilityService.Service[3].Name"));
  CHECK_FALSE(f("FacilityService.Service[2..n].Name").matches("FacilityService.Service[1].Name"));
  CHECK_FALSE(f("FacilityService.Service.Name").matches("FacilityService.Service[1].Name"));
  CHECK_FALSE(KeyFilter::parse("A[3..1]"));
  CHECK_FALSE(KeyFilter::parse("A[x]"));
  CHECK_FALSE(KeyFilter::parse("A..B"));
  CHECK_FALSE(KeyFilter::parse(""));
}

TEST_CASE("GET /deviceConfigurations: items shape, sources, valueSpace, isEditable") {
  ConfigFixture f;
  auto id = f.device_id("001B54AA0875");
  auto r = f.get("/deviceConfigurations?deviceId=" + id);
  REQUIRE(r.status == 200);
  CHECK(r.body["deviceId"] == id);
  const auto& items = r.body["items"];
  CHECK(items.size() >= 15);
  auto ringer = items["Audio.Ringer.Volume"];  // configured by the seed
  CHECK(ringer["value"] == 9);
  CHECK(ringer["source"] == "configured");
  CHECK(ringer["sources"]["default"]["value"] == 7);
  CHECK(ringer["sources"]["default"]["editability"] ==
        nlohmann::json({{"isEditable", false}, {"reason", "FACTORY_DEFAULT"}}));
  CHECK_FALSE(ringer["sources"]["default"].contains("level"));  // undocumented, SDK-only (§7, §14)
  CHECK_FALSE(ringer["sources"]["configured"].contains("level"));
  CHECK(ringer["sources"]["configured"]["value"] == 9);
  CHECK(ringer["sources"]["configured"]["editability"] == nlohmann::json({{"isEditable", true}}));
  CHECK(ringer["valueSpace"] == nlohmann::json({{"type", "integer"}, {"minimum", 0}, {"maximum", 15}}));
  auto volume = items["Audio.DefaultVolume"];
  CHECK(volume["source"] == "default");
  CHECK(volume["value"] == volume["sources"]["default"]["value"]);
  CHECK(volume["sources"]["configured"]["value"].is_null());
  auto locked = items["Provisioning.Mode"];
  CHECK(locked["sources"]["configured"]["editability"]["isEditable"] == false);
  CHECK(locked["sources"]["configured"]["editability"]["reason"] == "CONFIG_MANAGED_BY_DIFFERENT_AUTHORITY");
  CHECK(items["SystemUnit.Name"]["valueSpace"]["maxLength"] == 64);
  CHECK(items["UserInterface.Language"]["valueSpace"]["enum"].is_array());
  CHECK(items["Bluetooth.Enabled"]["value"] == true);

  // The CALLING_DEVICE form is accepted too; the DEVICE form is echoed.
  auto calling = f.get("/deviceConfigurations?deviceId=" + f.calling_id("001B54AA0875"));
  CHECK(calling.status == 200);
  CHECK(calling.body["deviceId"] == id);
}

TEST_CASE("GET /deviceConfigurations: key filters, %5B/%5D decoding, errors") {
  ConfigFixture f;
  auto base = "/deviceConfigurations?deviceId=" + f.device_id("001B54AA0875") + "&key=";
  auto keys = [&](const std::string& filter) {
    auto r = f.get(base + filter);
    REQUIRE(r.status == 200);
    std::vector<std::string> out;
    for (const auto& [k, v] : r.body["items"].items()) out.push_back(k);
    return out;
  };
  CHECK(keys("Conference.MaxReceiveCallRate") == std::vector<std::string>{"Conference.MaxReceiveCallRate"});
  CHECK(keys("Audio.Ultrasound.*") ==
        std::vector<std::string>{"Audio.Ultrasound.MaxVolume", "Audio.Ultrasound.Mode"});
  CHECK(keys("FacilityService.Service%5B1%5D.Name") ==
        std::vector<std::string>{"FacilityService.Service[1].Name"});
  CHECK(keys("FacilityService.Service%5B*%5D.Name").size() == 3);
  CHECK(keys("FacilityService.Service%5B1..2%5D.Name").size() == 2);
  CHECK(keys("FacilityService.Service%5B2..n%5D.Type") ==
        std::vector<std::string>{"FacilityService.Service[2].Type", "FacilityService.Service[3].Type"});
  CHECK(keys("No.Such.Key").empty());
  CHECK(f.get(base + "A%5B3..1%5D").status == 400);

  CHECK(f.get("/deviceConfigurations").status == 400);  // deviceId required
  CHECK(f.get("/deviceConfigurations?deviceId=" + wx::emulator::make_id("DEVICE", "nope")).status == 404);
  auto mpp = f.get("/deviceConfigurations?deviceId=" + f.device_id("001B54AA7841"));
  CHECK(mpp.status == 400);
  CHECK(mpp.body["message"].get<std::string>().find("configuration service") != std::string::npos);
}

TEST_CASE("PATCH /deviceConfigurations: replace, remove, single object, 201 with every key") {
  ConfigFixture f;
  auto id = f.device_id("001B54AA0875");
  auto r = f.patch_config(id, {replace("SystemUnit.Name", "new_name"), replace("Audio.DefaultVolume", 80),
                               remove_op("Audio.Ringer.Volume")});
  REQUIRE(r.status == 201);
  CHECK(r.body["deviceId"] == id);
  CHECK(r.body["items"].size() == f.get("/deviceConfigurations?deviceId=" + id).body["items"].size());
  auto items = f.get("/deviceConfigurations?deviceId=" + id).body["items"];
  CHECK(items["SystemUnit.Name"]["value"] == "new_name");
  CHECK(items["SystemUnit.Name"]["source"] == "configured");
  CHECK(items["Audio.DefaultVolume"]["value"] == 80);
  CHECK(items["Audio.Ringer.Volume"]["value"] == 7);  // back to the default
  CHECK(items["Audio.Ringer.Volume"]["source"] == "default");
  CHECK(items["Audio.Ringer.Volume"]["sources"]["configured"]["value"].is_null());

  // wxc_sdk-style single object; remove of SystemUnit.Name gives "" (its default).
  r = f.patch_config(id, remove_op("SystemUnit.Name"));
  REQUIRE(r.status == 201);
  CHECK(r.body["items"]["SystemUnit.Name"]["value"] == "");
  // Plain application/json is tolerated, other media types are not.
  CHECK(f.call("PATCH", "/deviceConfigurations?deviceId=" + id, {replace("Standby.Delay", 20)}).status ==
        201);
  CHECK(f.call("PATCH", "/deviceConfigurations?deviceId=" + id, {replace("Standby.Delay", 20)}, "good-token",
               "text/plain")
            .status == 415);
}

TEST_CASE("PATCH /deviceConfigurations: every bad op is a 400 naming the key, nothing applied") {
  ConfigFixture f;
  auto id = f.device_id("001B54AA0875");
  auto expect_400 = [&](const nlohmann::json& bad, const std::string& needle) {
    CAPTURE(bad.dump());
    // A good op first: the whole PATCH must be refused atomically.
    auto r = f.patch_config(id, {replace("Audio.DefaultVolume", 11), bad});
    CHECK(r.status == 400);
    CHECK(r.body["message"].get<std::string>().find(needle) != std::string::npos);
  };
  expect_400(replace("Audio.Ringer.Volume", 16), "Audio.Ringer.Volume");
  expect_400(replace("Audio.Ringer.Volume", 16), "0 to 15");
  expect_400(replace("Audio.Ringer.Volume", "loud"), "expected integer");
  expect_400(replace("UserInterface.Language", "Klingon"), "expected one of");
  expect_400(replace("SystemUnit.Name", std::string(65, 'x')), "at most 64");
  expect_400(replace("Provisioning.Mode", "Off"), "not editable");
  expect_400(replace("No.Such.Key", 1), "No.Such.Key");
  expect_400(replace("Audio.*", 1), "wildcards");
  expect_400(replace("FacilityService.Service[1..2].Name", "x"), "wildcards");
  expect_400({{"op", "replace"}, {"path", "/Audio.Ringer.Volume/sources/configured/value"}, {"value", 3}},
             "leading");
  expect_400({{"op", "replace"}, {"path", "Audio.Ringer.Volume/sources/default/value"}, {"value", 3}},
             "sources/configured/value");
  expect_400({{"op", "add"}, {"path", "Audio.Ringer.Volume/sources/configured/value"}, {"value", 3}}, "add");
  expect_400({{"op", "replace"}, {"path", "Audio.Ringer.Volume/sources/configured/value"}}, "value");
  auto items = f.get("/deviceConfigurations?deviceId=" + id).body["items"];
  CHECK(items["Audio.DefaultVolume"]["source"] == "default");
  CHECK(items["Audio.Ringer.Volume"]["value"] == 9);
}

TEST_CASE("PATCH /deviceConfigurations: PhoneOS never online is refused, GET works") {
  ConfigFixture f;
  auto id = f.device_id("001B54AA0876");
  CHECK(f.get("/deviceConfigurations?deviceId=" + id).status == 200);
  auto r = f.patch_config(id, {replace("Audio.DefaultVolume", 20)});
  CHECK(r.status == 409);
  CHECK(r.body["errors"][0]["errorCode"] == 4008);
  f.control("POST", "/_emulator/devices/001B54AA0876/online");
  CHECK(f.patch_config(id, {replace("Audio.DefaultVolume", 20)}).status == 201);
}
