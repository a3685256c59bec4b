#include <doctest/doctest.h>

#include "support/builders.h"
#include "wxphones/plan/ignore_rules.h"
#include "wxphones/plan/planner.h"

using namespace wx;
using namespace wx::test;

namespace {

IgnoreRule rule(std::string kind, std::string field, std::optional<std::string> name = std::nullopt) {
  return IgnoreRule{std::move(kind), std::move(name), std::move(field), {}, 0};
}

DesiredPhone full_phone(const std::string& name) {
  auto phone = mac_phone(name, "001B54AA0003", "DMS Cisco 8851", "bob@acme.example");
  phone.tags = std::vector<std::string>{"sales"};
  phone.layout = PhoneLayout{std::string("tmpl"), std::nullopt, {}};
  phone.members = std::vector<MemberSpec>{};
  phone.hoteling = Hoteling{true, false, 12};
  phone.settings = PhoneSettingsSpec{
      std::nullopt,
      nlohmann::json::parse(R"({"mpp": {"backlightTimer": "ONE_MIN", "vlan": {"enabled": true}}})")};
  phone.dynamic_settings = {{"%SCREEN_BRIGHTNESS%", "10"}, {"%ENABLE_BLUETOOTH%", std::nullopt}};
  phone.configurations = {{"Audio.Ringer.Volume", 5}, {"Display.Brightness", 3}};
  return phone;
}

DesiredState one_phone(const DesiredPhone& phone, std::vector<IgnoreRule> rules) {
  DesiredState desired;
  desired.phones = {phone};
  desired.project.ignore = std::move(rules);
  return desired;
}

}  // namespace

TEST_CASE("ignore: field paths split like diagnostics write them") {
  using V = std::vector<std::string>;
  CHECK(split_field_path("spec.tags") == V{"spec", "tags"});
  CHECK(split_field_path("spec.hoteling.guestHoursLimit") == V{"spec", "hoteling", "guestHoursLimit"});
  CHECK(split_field_path("spec.configurations[\"Audio.Ringer.Volume\"]") ==
        V{"spec", "configurations", "Audio.Ringer.Volume"});
  CHECK(split_field_path("spec.dynamicSettings[\"Cisco 9800\"][\"%ENABLE_BLUETOOTH%\"]") ==
        V{"spec", "dynamicSettings", "Cisco 9800", "%ENABLE_BLUETOOTH%"});
  CHECK(split_field_path("spec.members[2].port") == V{"spec", "members", "2", "port"});
  CHECK_FALSE(split_field_path(""));
  CHECK_FALSE(split_field_path("spec..tags"));
  CHECK_FALSE(split_field_path("spec.tags."));
  CHECK_FALSE(split_field_path("spec[\"open"));
  CHECK_FALSE(split_field_path("spec[x]"));
  CHECK_FALSE(split_field_path("spec.a[\"\"]"));
}

TEST_CASE("ignore: whole-value phone fields become unmanaged") {
  const DesiredPhone phone = full_phone("bob");
  for (const char* field :
       {"spec.tags", "spec.layout", "spec.members", "spec.members[0].port", "spec.layout.lineKeys"}) {
    CAPTURE(field);
    const DesiredState out = apply_ignore_rules(one_phone(phone, {rule("Phone", field)}));
    const DesiredPhone& p = out.phones[0];
    const std::string f = field;
    CHECK(p.tags.has_value() == (f != "spec.tags"));
    CHECK(p.layout.has_value() == (f.rfind("spec.layout", 0) != 0));
    CHECK(p.members.has_value() == (f.rfind("spec.members", 0) != 0));
    CHECK(p.hoteling.has_value());
    CHECK(p.configurations.size() == 2);
  }
}

TEST_CASE("ignore: hoteling per field, then the whole") {
  const DesiredPhone phone = full_phone("bob");
  DesiredState out = apply_ignore_rules(one_phone(phone, {rule("Phone", "spec.hoteling.guestHoursLimit")}));
  REQUIRE(out.phones[0].hoteling);
  CHECK_FALSE(out.phones[0].hoteling->guest_hours_limit);
  CHECK(out.phones[0].hoteling->enabled == true);
  out = apply_ignore_rules(
      one_phone(phone, {rule("Phone", "spec.hoteling.enabled"), rule("Phone", "spec.hoteling.limitGuestUse"),
                        rule("Phone", "spec.hoteling.guestHoursLimit")}));
  CHECK_FALSE(out.phones[0].hoteling);
  CHECK_FALSE(apply_ignore_rules(one_phone(phone, {rule("Phone", "spec.hoteling")})).phones[0].hoteling);
}

TEST_CASE("ignore: customizations by key, and the settings go when nothing is left") {
  const DesiredPhone phone = full_phone("bob");
  DesiredState out = apply_ignore_rules(
      one_phone(phone, {rule("Phone", "spec.settings.customizations.mpp.backlightTimer")}));
  REQUIRE(out.phones[0].settings);
  CHECK(out.phones[0].settings->customizations ==
        nlohmann::json::parse(R"({"mpp": {"vlan": {"enabled": true}}})"));
  out = apply_ignore_rules(
      one_phone(phone, {rule("Phone", "spec.settings.customizations.mpp.vlan.enabled"),
                        rule("Phone", "spec.settings.customizations.mpp.backlightTimer")}));
  CHECK_FALSE(out.phones[0].settings);
}

TEST_CASE("ignore: dynamic settings and configurations by key or whole") {
  const DesiredPhone phone = full_phone("bob");
  DesiredState out =
      apply_ignore_rules(one_phone(phone, {rule("Phone", "spec.dynamicSettings[\"%SCREEN_BRIGHTNESS%\"]"),
                                           rule("Phone", "spec.configurations[\"Audio.Ringer.Volume\"]")}));
  CHECK(out.phones[0].dynamic_settings.size() == 1);
  CHECK(out.phones[0].dynamic_settings.count("%ENABLE_BLUETOOTH%") == 1);
  CHECK(out.phones[0].configurations.size() == 1);
  CHECK(out.phones[0].configurations.count("Display.Brightness") == 1);
  out = apply_ignore_rules(
      one_phone(phone, {rule("Phone", "spec.dynamicSettings"), rule("Phone", "spec.configurations")}));
  CHECK(out.phones[0].dynamic_settings.empty());
  CHECK(out.phones[0].configurations.empty());
}

TEST_CASE("ignore: a named rule touches that manifest only; other kinds untouched") {
  DesiredState desired;
  desired.phones = {full_phone("a"), full_phone("b")};
  desired.project.ignore = {rule("Phone", "spec.tags", "b"), rule("PersonDevices", "spec.tags")};
  const DesiredState out = apply_ignore_rules(desired);
  CHECK(out.phones[0].tags.has_value());
  CHECK_FALSE(out.phones[1].tags.has_value());
  CHECK(desired.phones[1].tags.has_value());  // the input is not changed
}

TEST_CASE("ignore: DeviceSettings customizations, dynamic settings per family and tag, compression") {
  DesiredScopeSettings scope;
  scope.name = "org";
  scope.customizations = nlohmann::json::parse(
      R"({"mpp": {"vlan": {"enabled": true, "value": 10}, "backlightTimer": "ONE_MIN"}})");
  scope.compression = "ON";
  scope.dynamic_settings = {{"Cisco 9800", {{"%ENABLE_BLUETOOTH%", "true"}, {"%SCREEN_BRIGHTNESS%", "3"}}},
                            {"Cisco 8800", {{"%X%", "1"}}}};
  DesiredState desired;
  desired.scope_settings = {scope};
  desired.project.ignore = {
      rule("DeviceSettings", "spec.customizations.mpp.vlan"),
      rule("DeviceSettings", "spec.dynamicSettings[\"Cisco 9800\"][\"%ENABLE_BLUETOOTH%\"]"),
      rule("DeviceSettings", "spec.dynamicSettings[\"Cisco 8800\"]"),
      rule("DeviceSettings", "spec.compression")};
  REQUIRE(desired.scope_settings[0].dynamic_settings.at("Cisco 9800").size() == 2);
  const DesiredState filtered = apply_ignore_rules(desired);
  const DesiredScopeSettings& out = filtered.scope_settings[0];
  CHECK(out.customizations == nlohmann::json::parse(R"({"mpp": {"backlightTimer": "ONE_MIN"}})"));
  REQUIRE(out.dynamic_settings.size() == 1);
  CHECK(out.dynamic_settings.at("Cisco 9800").size() == 1);
  CHECK(out.dynamic_settings.at("Cisco 9800").count("%SCREEN_BRIGHTNESS%") == 1);
  CHECK_FALSE(out.compression);
}

TEST_CASE("ignore: owner devices hoteling; an owner with nothing left is dropped") {
  DesiredOwnerDevices ws;
  ws.name = "lobby";
  ws.owner = OwnerRef{OwnerRef::Kind::Workspace, "Lobby", {}};
  ws.hoteling = Hoteling{true, std::nullopt, 4};
  DesiredOwnerDevices person = ws;
  person.name = "alice";
  person.owner = OwnerRef{OwnerRef::Kind::Person, "alice@acme.example", {}};
  DesiredState desired;
  desired.owner_devices = {ws, person};
  desired.project.ignore = {rule("WorkspaceDevices", "spec.hoteling.guestHoursLimit"),
                            rule("PersonDevices", "spec.hoteling")};
  const DesiredState out = apply_ignore_rules(desired);
  REQUIRE(out.owner_devices.size() == 1);
  CHECK(out.owner_devices[0].name == "lobby");
  CHECK(out.owner_devices[0].hoteling == Hoteling{true, std::nullopt, std::nullopt});
}

TEST_CASE("ignore: template userReorderEnabled") {
  DesiredTemplate tmpl;
  tmpl.name = "t";
  tmpl.spec.user_reorder_enabled = true;
  DesiredState desired;
  desired.templates = {tmpl};
  desired.project.ignore = {rule("LineKeyTemplate", "spec.userReorderEnabled")};
  CHECK_FALSE(apply_ignore_rules(desired).templates[0].spec.user_reorder_enabled);
}

TEST_CASE("ignore: the planner neither reports nor writes ignored tags") {
  DesiredState desired;
  auto bob = mac_phone("bob", "001B54AA0003", "DMS Cisco 8851", "bob@acme.example");
  bob.tags = std::vector<std::string>{"sales"};
  desired.phones = {bob};
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0003", "DMS Cisco 8851", "P-BOB", "L-BR", {"old"})};
  CHECK(make_plan(desired, live).summary().change == 1);
  desired.project.ignore = {rule("Phone", "spec.tags")};
  const Plan plan = make_plan(desired, live);
  CHECK(plan.steps.empty());
  CHECK_FALSE(plan.summary().has_changes());
}
