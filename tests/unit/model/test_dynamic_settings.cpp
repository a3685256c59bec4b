#include <doctest/doctest.h>

#include "wxphones/model/dynamic_settings.h"

using namespace wx;

namespace {
DynamicSettingRule rule_from(const char* json_text) {
  auto schema = DynamicSettingsSchema::from_json(nlohmann::json::parse(json_text));
  REQUIRE(schema.rules().size() == 1);
  return schema.rules().front();
}
}  // namespace

TEST_CASE("validationSchema rules check type, allowed values, range, regex and length") {
  auto boolean = rule_from(R"({"tags":[{"familyOrModelDisplayName":"Poly","tag":"%B%","level":["device"],
                               "validationRule":{"type":"boolean","values":["1","0"]}}]})");
  CHECK_FALSE(boolean.check("1"));
  REQUIRE(boolean.check("true"));
  CHECK(boolean.check("true")->find("\"1\", \"0\"") != std::string::npos);

  auto range =
      rule_from(R"({"tags":[{"familyOrModelDisplayName":"Poly","tag":"%N%","level":["location","device"],
                             "validationRule":{"type":"int","min":0,"max":10,"increment":1}}]})");
  CHECK_FALSE(range.check("10"));
  CHECK(range.check("11"));
  CHECK(range.check("-1"));
  CHECK(range.check("2.5"));
  CHECK(range.check("ten"));
  CHECK(range.allowed_at(SettingLevel::Device));
  CHECK_FALSE(range.allowed_at(SettingLevel::Organization));

  auto colour = rule_from(R"({"tags":[{"familyOrModelDisplayName":"Poly","tag":"%C%","level":["organization"],
      "validationRule":{"type":"string","regex":"#[0-9A-F]{6}","maxLength":7,"validationHint":"#RRGGBB"}}]})");
  CHECK_FALSE(colour.check("#00FF00"));
  REQUIRE(colour.check("green"));
  CHECK(colour.check("green")->find("#RRGGBB") != std::string::npos);
  CHECK(colour.check("#00FF00FF"));

  auto choice = rule_from(R"({"tags":[{"familyOrModelDisplayName":"Poly","tag":"%E%","level":["device"],
                              "validationRule":{"type":"enum","values":["0","1","2"]}}]})");
  CHECK_FALSE(choice.check("2"));
  CHECK(choice.check("3"));
}

TEST_CASE("the built-in schema covers the 9800 family and finds tags by family") {
  const auto& schema = DynamicSettingsSchema::builtin();
  CHECK(schema.has_family("Cisco 9800"));
  REQUIRE(schema.find("Cisco 9800", "%ENABLE_BLUETOOTH%"));
  CHECK_FALSE(schema.find("Poly", "%SCREEN_BRIGHTNESS%"));
  CHECK_FALSE(schema.tags_of("Cisco 9800").empty());
}

TEST_CASE("a malformed schema body yields no rules, not a crash") {
  CHECK(DynamicSettingsSchema::from_json(nlohmann::json::parse(R"({"tags":[1,"x",{"tag":7}]})"))
            .rules()
            .empty());
  CHECK(DynamicSettingsSchema::from_json(nlohmann::json::parse(R"([])")).rules().empty());
}
