#include <doctest/doctest.h>

#include "manifest_test_support.h"

namespace {
const char* kPhone =
    "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: hq-lobby}\nspec:\n  model: Cisco 9861\n"
    "  mac: 001b54aa0102\n  owner: {person: a@b.example}\n";
}

TEST_CASE("project: ignore rules decode with kind, name, field and where") {
  auto set = wx::test::load_texts(
      {{"p.yaml",
        "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n  ignore:\n"
        "    - {kind: Phone, field: spec.tags}\n"
        "    - {kind: Phone, name: hq-lobby, field: 'spec.dynamicSettings[\"%SCREEN_BRIGHTNESS%\"]'}\n"
        "    - {kind: DeviceSettings, field: 'spec.dynamicSettings[\"Cisco "
        "9800\"][\"%ENABLE_BLUETOOTH%\"]'}\n"
        "    - {kind: DeviceSettings, field: spec.customizations.mpp.vlan}\n"
        "    - {kind: Phone, field: spec.settings.customizations.mpp.backlightTimer}\n"
        "    - {kind: Phone, field: 'spec.configurations[\"Audio.Ringer.Volume\"]'}\n"
        "    - {kind: Phone, field: spec.members}\n"
        "    - {kind: PersonDevices, field: spec.hoteling.guestHoursLimit}\n"
        "    - {kind: LineKeyTemplate, field: spec.userReorderEnabled}\n"},
       {"m.yaml", kPhone}});
  for (const auto& d : set.diagnostics) MESSAGE(d.field, ": ", d.message);
  REQUIRE(set.diagnostics.empty());
  const auto& rules = set.desired.project.ignore;
  REQUIRE(rules.size() == 9);
  CHECK(rules[0].kind == "Phone");
  CHECK_FALSE(rules[0].name);
  CHECK(rules[0].field == "spec.tags");
  CHECK(rules[0].where == wx::SourceLocation{"p.yaml", 6, 8});
  CHECK(rules[1].name == "hq-lobby");
  CHECK(rules[1].field == "spec.dynamicSettings[\"%SCREEN_BRIGHTNESS%\"]");
  CHECK(rules[3].kind == "DeviceSettings");
}

TEST_CASE("project: an ignore rule must name a field the kind can ignore") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n  ignore:\n"
      "    - {kind: Phone, field: spec.mac}\n"
      "    - {kind: DeviceSettings, field: spec.customEnabled}\n"
      "    - {kind: Phone, field: 'spec.configurations[\"A\"][\"B\"]'}\n"
      "    - {kind: Phone, field: 'spec..tags'}\n");
  REQUIRE(set.diagnostics.size() == 4);
  CHECK(set.diagnostics[0].where == wx::SourceLocation{"m.yaml", 6, 28});
  CHECK(set.diagnostics[0].field == "spec.ignore[0].field");
  CHECK(set.diagnostics[0].message.find(
            "\"spec.mac\" is not a field a Phone can ignore; expected one of: spec.tags") == 0);
  CHECK(set.diagnostics[1].message.find(
            "spec.customizations[...], spec.compression, spec.dynamicSettings[...]") != std::string::npos);
  CHECK(set.diagnostics[2].field == "spec.ignore[2].field");
  CHECK(set.diagnostics[3].message.find("is not a field path") != std::string::npos);
  CHECK(set.desired.project.ignore.empty());
}

TEST_CASE("project: an ignore rule naming no manifest is a warning") {
  auto set = wx::test::load_texts(
      {{"p.yaml",
        "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n  ignore:\n"
        "    - {kind: Phone, name: hq-lobby, field: spec.tags}\n"
        "    - {kind: Phone, name: hq-lobbyy, field: spec.tags}\n"
        "    - {kind: PersonDevices, name: hq-lobby, field: spec.hoteling}\n"},
       {"m.yaml", kPhone}});
  REQUIRE(set.diagnostics.size() == 2);
  CHECK(set.diagnostics[0].severity == wx::Severity::Warning);
  CHECK(set.diagnostics[0].field == "spec.ignore[1].name");
  CHECK(set.diagnostics[0].where == wx::SourceLocation{"p.yaml", 7, 27});
  CHECK(set.diagnostics[0].message ==
        "no Phone manifest is named \"hq-lobbyy\"; expected the metadata.name of one");
  CHECK(set.diagnostics[1].field == "spec.ignore[2].name");
  CHECK(set.desired.project.ignore.size() == 3);
}
