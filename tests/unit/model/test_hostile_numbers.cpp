#include <doctest/doctest.h>

#include <string>

#include "wxphones/model/device_model.h"
#include "wxphones/model/dynamic_settings.h"

using namespace wx;

// Found by fuzz/fuzz_responses: these bodies come from the server, and casting 1e300 or nan to int is UB.
TEST_CASE("supportedDevices counts that no int can hold read as 0") {
  auto catalog = ModelCatalog::from_supported_devices(nlohmann::json::parse(
      R"({"devices":[{"model":"DMS X","numberOfLineKeyButtons":1e300,"numberOfLinePorts":-1e300,
                      "kemModuleCount":4.0}]})"));
  REQUIRE(catalog.models().size() == 1);
  CHECK(catalog.models()[0].number_of_line_key_buttons == 0);
  CHECK(catalog.models()[0].number_of_line_ports == 0);
  CHECK(catalog.models()[0].kem_module_count == 4);
}

TEST_CASE("a validationSchema with nan, infinite or huge bounds and a huge regex is read without UB") {
  auto schema = DynamicSettingsSchema::from_json(nlohmann::json::parse(
      R"({"tags":[{"tag":"%A%","validationRule":{"type":"string","maxLength":"nan"}},
                  {"tag":"%B%","validationRule":{"type":"integer","min":1e300,"max":"inf"}},
                  {"tag":"%C%","validationRule":{"type":"string","regex":")" +
      std::string(20000, 'a') + R"("}}]})"));
  REQUIRE(schema.rules().size() == 3);
  CHECK_FALSE(schema.rules()[0].max_length);
  CHECK_FALSE(schema.rules()[0].check("x"));
  REQUIRE(schema.rules()[1].check("7"));  // below 1e300: the message prints the bound
  CHECK(schema.rules()[1].check("7")->find("got \"7\"") != std::string::npos);
  CHECK_FALSE(schema.rules()[2].check("x"));  // too long to compile: Webex checks it on write
}
