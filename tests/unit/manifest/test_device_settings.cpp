// kinds DeviceSettings, WorkspaceDevices and PersonDevices.
#include <doctest/doctest.h>

#include "manifest_test_support.h"

namespace {

std::string settings(const std::string& name, const std::string& spec) {
  return "apiVersion: wxphones/v1\nkind: DeviceSettings\nmetadata: {name: " + name + "}\nspec:\n" + spec;
}

}  // namespace

TEST_CASE("device settings: location scope with customizations, customEnabled and dynamic settings") {
  auto set = wx::test::load_text(settings("hq",
                                          "  scope: {location: HQ}\n  customEnabled: true\n"
                                          "  customizations:\n    mpp: {backlightTimer: ONE_MIN}\n"
                                          "    dect: {}\n"
                                          "  dynamicSettings:\n    Cisco 9800: {\"%RINGER_VOLUME%\": \"5\", "
                                          "\"%ENABLE_WIFI%\": null}\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.scope_settings.size() == 1);
  const wx::DesiredScopeSettings& s = set.desired.scope_settings[0];
  CHECK(s.name == "hq");
  CHECK(s.scope.kind == wx::SettingsScope::Kind::Location);
  CHECK(s.scope.name == "HQ");
  CHECK(s.scope.where == wx::SourceLocation{"m.yaml", 5, 21});
  CHECK(s.custom_enabled == true);
  CHECK(s.customizations == nlohmann::json::parse(R"({"mpp": {"backlightTimer": "ONE_MIN"}, "dect": {}})"));
  CHECK_FALSE(s.compression.has_value());
  REQUIRE(s.dynamic_settings.count("Cisco 9800") == 1);
  CHECK(s.dynamic_settings.at("Cisco 9800").at("%RINGER_VOLUME%") == std::optional<std::string>("5"));
  CHECK_FALSE(s.dynamic_settings.at("Cisco 9800").at("%ENABLE_WIFI%").has_value());
  CHECK(s.location_of("spec.customizations.mpp.backlightTimer") == wx::SourceLocation{"m.yaml", 8, 27});
  CHECK(s.location_of("spec.dynamicSettings[\"Cisco 9800\"][\"%RINGER_VOLUME%\"]").line == 11);
}

TEST_CASE("device settings: every scope kind") {
  auto set = wx::test::load_texts(
      {{"a.yaml",
        settings("org", "  scope: {organization: true}\n  customizations: {ata: {cdpEnabled: true}}\n")},
       {"b.yaml", settings("alice", "  scope: {person: alice@acme.example}\n  compression: \"ON\"\n")},
       {"c.yaml", settings("lobby", "  scope: {workspace: HQ Lobby}\n  compression: \"OFF\"\n")}});
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.scope_settings.size() == 3);
  const auto& org = set.desired.scope_settings[0];
  CHECK(org.scope.kind == wx::SettingsScope::Kind::Organization);
  CHECK(org.scope.name.empty());
  CHECK_FALSE(org.custom_enabled.has_value());
  CHECK(org.customizations["ata"]["cdpEnabled"] == true);
  CHECK(set.desired.scope_settings[1].scope.kind == wx::SettingsScope::Kind::Person);
  CHECK(set.desired.scope_settings[1].scope.name == "alice@acme.example");
  CHECK(set.desired.scope_settings[1].compression == "ON");
  CHECK(set.desired.scope_settings[2].scope.kind == wx::SettingsScope::Kind::Workspace);
  CHECK(set.desired.scope_settings[2].compression == "OFF");
  CHECK(set.desired.scope_settings[2].customizations == nlohmann::json::object());
}

TEST_CASE("device settings: the scope decides which parts are allowed") {
  auto person = wx::test::load_text(settings("p",
                                             "  scope: {person: a@acme.example}\n  customEnabled: true\n"
                                             "  customizations: {mpp: {}}\n  dynamicSettings: {Poly: {}}\n"));
  REQUIRE(person.diagnostics.size() == 3);
  CHECK(person.diagnostics[0].field == "spec.customEnabled");
  CHECK(person.diagnostics[0].message ==
        "customEnabled can be set only at location scope, not for person a@acme.example");
  CHECK(person.diagnostics[1].field == "spec.customizations");
  CHECK(person.diagnostics[2].field == "spec.dynamicSettings");
  auto org = wx::test::load_text(settings("o", "  scope: {organization: true}\n  compression: \"ON\"\n"));
  REQUIRE(org.diagnostics.size() == 1);
  CHECK(org.diagnostics[0].message ==
        "compression can be set only at person and workspace scope, not for the organization");
}

TEST_CASE("device settings: customizations follow the official scope schema") {
  auto set = wx::test::load_text(settings("o",
                                          "  scope: {organization: true}\n  customizations:\n"
                                          "    dect: {vlan: {enabled: maybe}}\n    mpp: {nope: 1}\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.size() == 2);
  CHECK(set.diagnostics[0].field == "spec.customizations.dect.vlan.enabled");
  CHECK(set.diagnostics[1].field == "spec.customizations.mpp.nope");
}

TEST_CASE("device settings: dynamic settings at organization level follow the tag's levels") {
  auto set =
      wx::test::load_text(settings("o",
                                   "  scope: {organization: true}\n  dynamicSettings:\n"
                                   "    Cisco 9800: {\"%VLAN_ID%\": \"10\", \"%ADMIN_PASSWORD%\": \"x\"}\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].field == "spec.dynamicSettings[\"Cisco 9800\"][\"%VLAN_ID%\"]");
  CHECK(set.diagnostics[0].message.find("cannot be set at organization level") != std::string::npos);
}

TEST_CASE("device settings: one per scope") {
  auto set =
      wx::test::load_texts({{"a.yaml", settings("one", "  scope: {person: Bob@acme.example}\n")},
                            {"b.yaml", settings("two", "  scope: {person: bob@ACME.example}\n")},
                            {"c.yaml", settings("three", "  scope: {workspace: Bob@acme.example}\n")}});
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].where.file == "b.yaml");
  CHECK(set.diagnostics[0].message.find("DeviceSettings \"one\" (at a.yaml:5:19)") != std::string::npos);
}

TEST_CASE("owner devices: WorkspaceDevices and PersonDevices decode") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: WorkspaceDevices\nmetadata: {name: lobby}\nspec:\n  workspace: HQ "
      "Lobby\n"
      "  hoteling: {enabled: true, limitGuestUse: true, guestHoursLimit: 8}\n---\n"
      "apiVersion: wxphones/v1\nkind: PersonDevices\nmetadata: {name: alice}\nspec:\n  person: "
      "alice@acme.example\n"
      "  hoteling: {enabled: false}\n");
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.owner_devices.size() == 2);
  const auto& lobby = set.desired.owner_devices[0];
  CHECK(lobby.name == "lobby");
  CHECK(lobby.owner.kind == wx::OwnerRef::Kind::Workspace);
  CHECK(lobby.owner.name == "HQ Lobby");
  CHECK(lobby.owner.where == wx::SourceLocation{"m.yaml", 5, 14});
  CHECK(lobby.hoteling == wx::Hoteling{true, true, 8});
  const auto& alice = set.desired.owner_devices[1];
  CHECK(alice.owner.kind == wx::OwnerRef::Kind::Person);
  CHECK(alice.hoteling == wx::Hoteling{false, std::nullopt, std::nullopt});
  CHECK(alice.location_of("spec.hoteling.enabled").line == 13);
}

TEST_CASE("owner devices: an owner's hoteling is declared once") {
  const std::string person_devices =
      "apiVersion: wxphones/v1\nkind: PersonDevices\nmetadata: {name: alice}\nspec:\n  person: "
      "alice@acme.example\n"
      "  hoteling: {enabled: true}\n";
  const std::string phone =
      "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: p}\nspec:\n  model: Cisco 8851\n"
      "  mac: 00:1B:54:AA:01:02\n  owner: {person: Alice@acme.example}\n  hoteling: {enabled: false}\n";
  auto set = wx::test::load_texts({{"a.yaml", person_devices}, {"b.yaml", phone}});
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].where.file == "b.yaml");
  CHECK(set.diagnostics[0].field == "spec.hoteling");
  CHECK(set.diagnostics[0].message.find("PersonDevices \"alice\" (at a.yaml:5:11)") != std::string::npos);
  // A phone without hoteling does not conflict.
  std::string plain = phone.substr(0, phone.find("  hoteling"));
  CHECK(wx::test::load_texts({{"a.yaml", person_devices}, {"b.yaml", plain}}).diagnostics.empty());
}

TEST_CASE("device settings: shapes the schema checks") {
  auto set = wx::test::load_text(settings("o",
                                          "  scope: {organization: true}\n  dynamicSettings: {Poly: x}\n"
                                          "  customizations: [mpp]\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.size() == 2);
  CHECK(set.diagnostics[0].field == "spec.dynamicSettings.Poly");
  CHECK(set.diagnostics[1].field == "spec.customizations");
  CHECK(set.diagnostics[1].message.find("expected an object") != std::string::npos);
}
