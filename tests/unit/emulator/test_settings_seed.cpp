#include <doctest/doctest.h>

#include <stdexcept>

#include "emulator/settings_fixture.h"

using nlohmann::json;
using wx::emulator::test::Fixture;

namespace {

json tag_of(const json& body, const std::string& tag) {
  for (const auto& t : body["tags"]) {
    if (t["tag"] == tag) return t;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("settings seed: the example org loads with every scope seeded") {
  wx::emulator::EmulatorOptions options;
  options.seed_path = std::string(WX_SOURCE_DIR) + "/examples/emulator/settings-org.yaml";
  Fixture f(options);
  auto call = [&](const std::string& method, const std::string& path, const json& body = nullptr) {
    return f.call(method, path, body, "wxphones-demo-token");
  };
  auto org = call("GET", "/telephony/config/devices/settings").body;
  CHECK(org["customizations"]["mpp"]["phoneLanguage"] == "ENGLISH_UNITED_STATES");
  CHECK(org["customizations"]["mpp"]["backlightTimer"] == "FIVE_MIN");
  const auto hq = call("GET", "/locations?name=HQ").body["items"][0]["id"].get<std::string>();
  auto loc = call("GET", "/telephony/config/locations/" + hq + "/devices/settings").body;
  CHECK(loc["customEnabled"] == true);
  CHECK(loc["customizations"]["mpp"]["screenTimeout"]["value"] == 600);
  CHECK(loc["customizations"]["mpp"]["phoneLanguage"] == "ENGLISH_UNITED_STATES");
  const auto bob = call("GET", "/devices?mac=001B54AA0002").body["items"][0]["id"].get<std::string>();
  auto device = call("GET", "/telephony/config/devices/" + bob + "/settings").body;
  CHECK(device["customizations"]["mpp"]["offHookTimer"] == 45);
  CHECK(device["customizations"]["mpp"]["screenTimeout"]["value"] == 600);
  const auto carol = call("GET", "/devices?mac=001B54AA0003").body["items"][0]["id"].get<std::string>();
  auto dynamic =
      call("POST", "/telephony/config/lists/devices/" + carol + "/dynamicSettings/actions/getSettings/invoke")
          .body;
  CHECK(tag_of(dynamic, "%SCREEN_BRIGHTNESS%")["value"] == "8");
  CHECK(tag_of(dynamic, "%ENABLE_BLUETOOTH%")["parentLevel"] == "ORGANIZATION");
  CHECK(tag_of(dynamic, "%SCREEN_TIMEOUT%")["parentValue"] == "15");
  const auto alice =
      call("GET", "/people?email=alice@acme.example").body["items"][0]["id"].get<std::string>();
  CHECK(call("GET", "/telephony/config/people/" + alice + "/devices/settings").body["compression"] == "ON");
}

TEST_CASE("settings seed: bad entries name themselves") {
  const std::string base = R"(
locations: [{name: HQ}]
people: [{email: a@x.example, location: HQ}]
)";
  auto fails = [&](const std::string& extra, const std::string& needle) {
    wx::emulator::Emulator emulator(Fixture::seeded(base + extra));
    try {
      emulator.start("127.0.0.1", 0);
    } catch (const std::exception& e) {
      CHECK_MESSAGE(std::string(e.what()).find(needle) != std::string::npos, e.what());
      return;
    }
    FAIL("seed accepted: " << extra);
  };
  fails("settings: {customizations: {mpp: {backlightTimer: NEVER}}}\n", "backlightTimer");
  fails("settings: {locations: {Nowhere: {customEnabled: true}}}\n", "Nowhere");
  fails("settings: {dynamicSettings: {\"Cisco 9800\": {\"%RINGER_VOLUME%\": \"3\"}}}\n", "%RINGER_VOLUME%");
  fails(
      "devices: [{mac: \"001B54AA0001\", model: DMS Cisco 9861, person: a@x.example, settings: "
      "{customEnabled: true}}]\n",
      "customizations");
  fails(
      "devices: [{mac: \"001B54AA0001\", model: DMS Cisco 8851, person: a@x.example, dynamicSettings: "
      "{\"%X%\": \"1\"}}]\n",
      "dynamicSettings");
}
