#include <doctest/doctest.h>

#include "manifest_test_support.h"

using wx::test::load_text;
using wx::test::load_texts;
using wx::test::messages;

namespace {

std::string phone(const std::string& model, const std::string& layout_lines) {
  return "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: p}\nspec:\n  model: " + model +
         "\n  mac: 001b54aa0102\n  owner: {person: a@b.example}\n" + layout_lines;
}

wx::ModelCatalog catalog_without_layout() {
  return wx::ModelCatalog::from_supported_devices(nlohmann::json::parse(R"({"devices": [
    {"model": "DMS Cisco 7811", "displayName": "Cisco 7811", "onboardingMethod": ["MAC_ADDRESS"],
     "supportedFor": ["PEOPLE"], "allowConfigureLayoutEnabled": false, "numberOfLineKeyButtons": 1}
  ]})"));
}

}  // namespace

TEST_CASE("phone layout: absent means not managed") {
  auto set = load_text(phone("Cisco 8851", ""));
  REQUIRE(messages(set).empty());
  CHECK_FALSE(set.desired.phones[0].layout.has_value());
}

TEST_CASE("phone layout: an inline CUSTOM layout with KEM keys decodes into Layout") {
  auto set =
      load_text(phone("Cisco 8851",
                      "  layout:\n    layoutMode: CUSTOM\n    userReorderEnabled: false\n"
                      "    lineKeys:\n      - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n"
                      "    kemModuleType: KEM_18_KEYS\n"
                      "    kemKeys:\n      - {kemModuleIndex: 2, kemKeyIndex: 18, kemKeyType: SPEED_DIAL, "
                      "kemKeyLabel: Lobby, kemKeyValue: lobby@acme.example}\n"));
  REQUIRE(messages(set).empty());
  const auto& layout = set.desired.phones[0].layout;
  REQUIRE(layout.has_value());
  CHECK_FALSE(layout->template_ref.has_value());
  CHECK(layout->where == wx::SourceLocation{"m.yaml", 8, 3});
  REQUIRE(layout->inline_layout.has_value());
  const wx::Layout& l = *layout->inline_layout;
  CHECK(l.mode == wx::LayoutMode::Custom);
  CHECK(l.user_reorder_enabled == false);
  REQUIRE(l.line_keys.size() == 1);
  CHECK(l.kem_module_type == "KEM_18_KEYS");
  REQUIRE(l.kem_keys.size() == 1);
  CHECK(l.kem_keys[0].module_index == 2);
  CHECK(l.kem_keys[0].key_index == 18);
  CHECK(l.kem_keys[0].type == "SPEED_DIAL");
  CHECK(l.kem_keys[0].label == "Lobby");
  CHECK(l.kem_keys[0].value == "lobby@acme.example");
}

TEST_CASE("phone layout: DEFAULT takes no keys") {
  auto ok = load_text(phone("Cisco 8845", "  layout: {layoutMode: DEFAULT, userReorderEnabled: true}\n"));
  REQUIRE(messages(ok).empty());
  CHECK(ok.desired.phones[0].layout->inline_layout->mode == wx::LayoutMode::Default);
  CHECK(ok.desired.phones[0].layout->inline_layout->user_reorder_enabled == true);
  auto bad = load_text(phone(
      "Cisco 8845", "  layout: {layoutMode: DEFAULT, lineKeys: [{lineKeyIndex: 1, lineKeyType: OPEN}]}\n"));
  REQUIRE(bad.diagnostics.size() == 1);  // the keys are not checked further
  CHECK(bad.diagnostics[0].field == "spec.layout.lineKeys");
}

TEST_CASE("phone layout: template reference or inline, not both, not neither") {
  auto ref =
      load_text(phone("Cisco 8845", "  layout: {template: desk}\n") +
                "---\napiVersion: wxphones/v1\nkind: LineKeyTemplate\nmetadata: {name: desk}\nspec:\n"
                "  deviceModel: Cisco 8845\n  lineKeys: [{lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}]\n");
  REQUIRE(messages(ref).empty());
  CHECK(ref.desired.phones[0].layout->template_ref == "desk");
  CHECK_FALSE(ref.desired.phones[0].layout->inline_layout.has_value());

  auto both = load_text(phone("Cisco 8845", "  layout: {template: desk, layoutMode: DEFAULT}\n"));
  CHECK(wx::test::any_message_contains(
      both, "spec.layout.template: a layout is either {template: NAME} or inline"));
  auto neither = load_text(phone("Cisco 8845", "  layout: {}\n"));
  REQUIRE(neither.diagnostics.size() == 1);
  CHECK(neither.diagnostics[0].field == "spec.layout.layoutMode");
}

TEST_CASE("phone layout: models that do not allow layouts, and KEM capabilities") {
  wx::ModelCatalog catalog = catalog_without_layout();
  wx::LoadOptions options;
  options.catalog = &catalog;
  auto fixed = load_text(phone("Cisco 7811", "  layout: {layoutMode: DEFAULT}\n"), options);
  REQUIRE(fixed.diagnostics.size() == 1);
  CHECK(fixed.diagnostics[0].field == "spec.layout");
  CHECK(fixed.diagnostics[0].message.find("allowConfigureLayoutEnabled is false") != std::string::npos);

  const std::string keys = "    lineKeys: [{lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}]\n";
  auto no_kem = load_text(
      phone("Cisco 9841", "  layout:\n    layoutMode: CUSTOM\n" + keys + "    kemModuleType: KEM_20_KEYS\n"));
  REQUIRE(no_kem.diagnostics.size() == 1);
  CHECK(no_kem.diagnostics[0].field == "spec.layout.kemModuleType");

  auto wrong_type = load_text(phone("Cisco 9861", "  layout:\n    layoutMode: CUSTOM\n" + keys +
                                                      "    kemModuleType: KEM_14_KEYS\n"
                                                      "    kemKeys: [{kemModuleIndex: 4, kemKeyIndex: 15, "
                                                      "kemKeyType: OPEN}]\n"));
  // 9861 takes 3 KEM_20_KEYS modules: the type is wrong, module 4 does not exist, and 15 > 14.
  std::vector<std::string> fields;
  for (const auto& d : wrong_type.diagnostics) fields.push_back(d.field);
  CHECK(fields == std::vector<std::string>{"spec.layout.kemModuleType",
                                           "spec.layout.kemKeys[0].kemModuleIndex",
                                           "spec.layout.kemKeys[0].kemKeyIndex"});
}

TEST_CASE("phone layout: an unknown model skips capability checks but not the key rules") {
  auto set =
      load_text(phone("Cisco 0000",
                      "  layout:\n    layoutMode: CUSTOM\n"
                      "    lineKeys: [{lineKeyIndex: 40, lineKeyType: OPEN}, {lineKeyIndex: 1, lineKeyType: "
                      "SPEED_DIAL, lineKeyValue: \"x y\"}]\n"
                      "    kemModuleType: KEM_14_KEYS\n"
                      "    kemKeys: [{kemModuleIndex: 9, kemKeyIndex: 15, kemKeyType: OPEN}]\n"));
  std::vector<std::string> fields;
  for (const auto& d : set.diagnostics) fields.push_back(d.field);
  CHECK(fields == std::vector<std::string>{"spec.model", "spec.layout.lineKeys[1].lineKeyType",
                                           "spec.layout.lineKeys[1].lineKeyValue",
                                           "spec.layout.kemKeys[0].kemKeyIndex"});
}

TEST_CASE("phone layout: every layout problem of a run is reported, across files") {
  auto set = load_texts({{"a.yaml", phone("Cisco 8845", "  layout: {template: nope}\n")},
                         {"b.yaml", phone("Cisco 8845", "  layout: {layoutMode: CUSTOM}\n")}});
  // a.yaml: the unknown template; b.yaml: the duplicate name and MAC, and CUSTOM without keys.
  REQUIRE(set.diagnostics.size() == 4);
  CHECK(set.diagnostics[0].where.file == "a.yaml");
  CHECK(set.diagnostics[0].field == "spec.layout.template");
  CHECK(set.diagnostics[3].where.file == "b.yaml");
  CHECK(set.diagnostics[3].field == "spec.layout.layoutMode");
}
