#include <doctest/doctest.h>

#include "wxphones/model/device_configuration.h"

using namespace wx;
using nlohmann::json;

TEST_CASE("configuration patches become json-patch replace/remove on KEY/sources/configured/value") {
  const json body = configuration_patch_json({{ConfigurationPatch::Op::Replace, "Audio.Ringer.Volume", 9},
                                              {ConfigurationPatch::Op::Remove, "SystemUnit.Name", {}}});
  CHECK(body ==
        json::parse(R"([{"op":"replace","path":"Audio.Ringer.Volume/sources/configured/value","value":9},
                                {"op":"remove","path":"SystemUnit.Name/sources/configured/value"}])"));
}

TEST_CASE("values are checked against the valueSpace the API returns") {
  const json ringer = {{"type", "integer"}, {"minimum", 0}, {"maximum", 15}};
  CHECK_FALSE(check_value_space(ringer, 7));
  REQUIRE(check_value_space(ringer, 16));
  CHECK(check_value_space(ringer, 16)->find("from 0 to 15") != std::string::npos);
  CHECK(check_value_space(ringer, "7"));
  const json language = {{"type", "string"}, {"enum", {"English", "French"}}};
  CHECK_FALSE(check_value_space(language, "French"));
  CHECK(check_value_space(language, "Klingon"));
  const json name = {{"type", "string"}, {"maxLength", 4}};
  CHECK(check_value_space(name, "abcde"));
  CHECK_FALSE(check_value_space(json(), 5));  // no valueSpace: nothing to check
}
