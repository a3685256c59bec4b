// Phone spec.settings, spec.dynamicSettings and spec.configurations: decoding and the rules that
// tie each to the model's settings API.
#include <doctest/doctest.h>

#include "manifest_test_support.h"

namespace {

std::string phone(const std::string& model, const std::string& extra) {
  return "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: p}\nspec:\n  model: " + model +
         "\n  mac: 00:1B:54:AA:01:02\n  owner: {person: a@acme.example}\n" + extra;
}

}  // namespace

TEST_CASE("phone settings: customizations of an MPP model decode with their locations") {
  auto set =
      wx::test::load_text(phone("Cisco 6841",
                                "  settings:\n    customEnabled: false\n    customizations:\n"
                                "      mpp: {backlightTimer: ONE_MIN, vlan: {enabled: true, value: 20}}\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  const wx::DesiredPhone& p = set.desired.phones.at(0);
  REQUIRE(p.settings.has_value());
  CHECK(p.settings->custom_enabled == false);
  CHECK(p.settings->customizations ==
        nlohmann::json::parse(
            R"({"mpp": {"backlightTimer": "ONE_MIN", "vlan": {"enabled": true, "value": 20}}})"));
  CHECK(p.location_of("spec.settings.customizations.mpp.backlightTimer") ==
        wx::SourceLocation{"m.yaml", 11, 29});
  CHECK(p.location_of("spec.settings.customizations.mpp.vlan.value") == wx::SourceLocation{"m.yaml", 11, 67});
  CHECK(p.dynamic_settings.empty());
  CHECK(p.configurations.empty());
}

TEST_CASE("phone settings: customEnabled alone, and nothing declared means not managed") {
  auto set = wx::test::load_text(phone("Cisco 8851", "  settings: {customEnabled: true}\n"));
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.phones.at(0).settings.has_value());
  CHECK(set.desired.phones.at(0).settings->custom_enabled == true);
  CHECK(set.desired.phones.at(0).settings->customizations == nlohmann::json::object());
  auto bare = wx::test::load_text(phone("Cisco 8851", ""));
  REQUIRE(bare.diagnostics.empty());
  CHECK_FALSE(bare.desired.phones.at(0).settings.has_value());
  CHECK_FALSE(bare.desired.phones.at(0).members.has_value());
  CHECK_FALSE(bare.desired.phones.at(0).hoteling.has_value());
}

TEST_CASE("phone settings: customizations are checked against the official device-level schema") {
  auto set = wx::test::load_text(
      phone("Cisco 6841", "  settings:\n    customizations:\n      mpp: {backlightTimer: 1, bogus: x}\n"));
  auto text = wx::test::messages(set);
  INFO(text);
  REQUIRE(set.diagnostics.size() == 2);
  CHECK(wx::test::any_message_contains(set,
                                       "spec.settings.customizations.mpp.backlightTimer: expected a string"));
  CHECK(wx::test::any_message_contains(set, "spec.settings.customizations.mpp.bogus: unknown field"));
  // dect has no device level
  auto dect = wx::test::load_text(phone("Cisco 6841", "  settings: {customizations: {dect: {}}}\n"));
  CHECK(wx::test::any_message_contains(dect, "spec.settings.customizations.dect: unknown field"));
}

TEST_CASE("phone settings: the family key is the model's") {
  auto set = wx::test::load_text(phone("Cisco 6841", "  settings: {customizations: {wifi: {}}}\n"));
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].field == "spec.settings.customizations.wifi");
  CHECK(set.diagnostics[0].message ==
        "model \"Cisco 6841\" (type MPP) takes customizations under \"mpp\", not \"wifi\"");
}

TEST_CASE("phone settings: each settings API only on the models that use it") {
  auto settings = wx::test::load_text(phone("Cisco 9861", "  settings: {customEnabled: true}\n"));
  REQUIRE(settings.diagnostics.size() == 1);
  CHECK(settings.diagnostics[0].field == "spec.settings");
  CHECK(settings.diagnostics[0].where == wx::SourceLocation{"m.yaml", 8, 3});
  CHECK(settings.diagnostics[0].message.find("WEBEX_CALLING_DYNAMIC_DEVICE_CONFIGURATION") !=
        std::string::npos);
  CHECK(settings.diagnostics[0].message.find("dynamicSettings") != std::string::npos);
  CHECK_FALSE(settings.desired.phones.at(0).settings.has_value());

  auto dynamic = wx::test::load_text(phone("Cisco 8875", "  dynamicSettings: {\"%ENABLE_WIFI%\": \"1\"}\n"));
  REQUIRE(dynamic.diagnostics.size() == 1);
  CHECK(dynamic.diagnostics[0].field == "spec.dynamicSettings");
  CHECK(dynamic.diagnostics[0].message.find("configurations") != std::string::npos);

  auto configurations = wx::test::load_text(phone("Cisco 9841", "  configurations: {A.B: 1}\n"));
  REQUIRE(configurations.diagnostics.size() == 1);
  CHECK(configurations.diagnostics[0].field == "spec.configurations");
}

TEST_CASE("phone settings: dynamic settings decode, null clears") {
  auto set = wx::test::load_text(phone("Cisco 9861",
                                       "  dynamicSettings:\n    \"%ENABLE_BLUETOOTH%\": \"1\"\n"
                                       "    \"%SCREEN_BRIGHTNESS%\": null\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  const wx::DesiredPhone& p = set.desired.phones.at(0);
  REQUIRE(p.dynamic_settings.size() == 2);
  CHECK(p.dynamic_settings.at("%ENABLE_BLUETOOTH%") == std::optional<std::string>("1"));
  CHECK_FALSE(p.dynamic_settings.at("%SCREEN_BRIGHTNESS%").has_value());
  CHECK(p.location_of("spec.dynamicSettings[\"%ENABLE_BLUETOOTH%\"]") == wx::SourceLocation{"m.yaml", 9, 27});
}

TEST_CASE("phone settings: dynamic tags and values follow the built-in validation schema") {
  auto set =
      wx::test::load_text(phone("Cisco 9861",
                                "  dynamicSettings:\n    \"%SCREEN_BRIGHTNES%\": \"3\"\n"
                                "    \"%SCREEN_TIMEOUT%\": \"481\"\n    \"%ADMIN_PASSWORD%\": \"secret-1\"\n"
                                "    \"%RINGER_VOLUME%\": 3\n"));
  auto text = wx::test::messages(set);
  INFO(text);
  REQUIRE(set.diagnostics.size() == 4);
  CHECK(set.diagnostics[0].message.find("did you mean \"%SCREEN_BRIGHTNESS%\"?") != std::string::npos);
  CHECK(set.diagnostics[1].message == "expected a number from 1 to 480, got \"481\"");
  CHECK(set.diagnostics[2].message.find("cannot be set at device level") != std::string::npos);
  CHECK(set.diagnostics[2].message.find("secret-1") == std::string::npos);  // never echo a password
  CHECK(set.diagnostics[3].message == "dynamic setting values are strings: quote the number, \"3\"");
  CHECK(set.desired.phones.at(0).dynamic_settings.empty());
}

TEST_CASE("phone settings: a family the built-in schema does not know is left to plan time") {
  const std::string catalog = R"({"devices": [{"model": "DMS Poly X", "displayName": "Poly X",
      "familyDisplayName": "Poly Edge", "type": "DESK_PHONE", "onboardingMethod": ["MAC_ADDRESS"],
      "supportedFor": ["PEOPLE"], "numberOfLinePorts": 4,
      "deviceSettingsConfiguration": "WEBEX_CALLING_DYNAMIC_DEVICE_CONFIGURATION"}]})";
  wx::ModelCatalog models = wx::ModelCatalog::from_supported_devices(nlohmann::json::parse(catalog));
  wx::LoadOptions options;
  options.catalog = &models;
  auto set = wx::test::load_text(phone("Poly X", "  dynamicSettings: {\"%ANY_TAG%\": \"x\"}\n"), options);
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  CHECK(set.desired.phones.at(0).dynamic_settings.at("%ANY_TAG%") == std::optional<std::string>("x"));
}

TEST_CASE("phone settings: configurations keep their typed values; null reverts") {
  auto set = wx::test::load_text(phone("Cisco 8875",
                                       "  configurations:\n    \"Audio.Ringer.Volume\": 7\n"
                                       "    \"Network[1].VLAN.Voice.Mode\": Auto\n    SystemUnit.Name: null\n"
                                       "    \"Bluetooth.Enabled\": false\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  const wx::DesiredPhone& p = set.desired.phones.at(0);
  REQUIRE(p.configurations.size() == 4);
  CHECK(p.configurations.at("Audio.Ringer.Volume") == 7);
  CHECK(p.configurations.at("Network[1].VLAN.Voice.Mode") == "Auto");
  CHECK(p.configurations.at("SystemUnit.Name").is_null());
  CHECK(p.configurations.at("Bluetooth.Enabled") == false);
  CHECK(p.location_of("spec.configurations[\"Audio.Ringer.Volume\"]") == wx::SourceLocation{"m.yaml", 9, 28});
}

TEST_CASE("phone settings: configuration keys must be concrete") {
  for (const char* key : {"Audio.*", "Network[*].VLAN", "Network[1..2].VLAN", "Network[2..n].VLAN",
                          "Audio..Volume", ".Audio", "Audio Volume"}) {
    CAPTURE(key);
    auto set =
        wx::test::load_text(phone("Cisco 8875", std::string("  configurations: {\"") + key + "\": 1}\n"));
    REQUIRE(set.diagnostics.size() == 1);
    CHECK(set.diagnostics[0].message.find("is not a configuration key") != std::string::npos);
    CHECK(set.diagnostics[0].where.line == 8);
  }
}
