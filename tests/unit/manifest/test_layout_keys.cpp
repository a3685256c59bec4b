#include <doctest/doctest.h>

#include "manifest/layout_keys.h"
#include "manifest_test_support.h"

using wx::test::load_text;
using wx::test::messages;

namespace {

std::string template_doc(const std::string& model, const std::string& keys) {
  return "apiVersion: wxphones/v1\nkind: LineKeyTemplate\nmetadata: {name: t}\nspec:\n  deviceModel: " +
         model + "\n  lineKeys:\n" + keys;
}

}  // namespace

TEST_CASE("layout keys: keys decode with their API fields and positions") {
  auto set =
      load_text(template_doc("Cisco 8845",
                             "    - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n"
                             "    - {lineKeyIndex: 2, lineKeyType: SPEED_DIAL, lineKeyLabel: Desk, "
                             "lineKeyValue: \"5000\"}\n"
                             "    - {lineKeyIndex: 3, lineKeyType: SHARED_LINE, sharedLineIndex: 2}\n"));
  REQUIRE(messages(set).empty());
  REQUIRE(set.desired.templates.size() == 1);
  const auto& keys = set.desired.templates[0].spec.line_keys;
  REQUIRE(keys.size() == 3);
  CHECK(keys[0].index == 1);
  CHECK(keys[0].type == "PRIMARY_LINE");
  CHECK_FALSE(keys[0].label.has_value());
  CHECK(keys[1].label == "Desk");
  CHECK(keys[1].value == "5000");
  CHECK(keys[2].shared_line_index == 2);
  CHECK(keys[2].where == wx::SourceLocation{"m.yaml", 9, 7});
}

TEST_CASE("layout keys: the index range comes from the model's numberOfLineKeyButtons") {
  const std::string keys =
      "    - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n    - {lineKeyIndex: 4, lineKeyType: OPEN}\n";
  CHECK(messages(load_text(template_doc("Cisco 6841", keys))).empty());  // 4 keys
  auto set = load_text(template_doc("Cisco 6821", keys));                // 2 keys
  std::vector<std::string> expected = {
      "8:22 spec.lineKeys[1].lineKeyIndex: lineKeyIndex 4 is outside 1..2: model \"Cisco 6821\" has 2 line "
      "keys"};
  CHECK(messages(set) == expected);
  // An unknown model is reported once; its keys are still checked for what needs no model.
  auto unknown = load_text(template_doc("Cisco 0000", keys + "    - {lineKeyIndex: 4, lineKeyType: OPEN}\n"));
  REQUIRE(unknown.diagnostics.size() == 2);
  CHECK(unknown.diagnostics[0].field == "spec.deviceModel");
  CHECK(unknown.diagnostics[1].message.find("lineKeyIndex 4 is used twice") == 0);
}

TEST_CASE("layout keys: key 1 must exist and be PRIMARY_LINE; PRIMARY_LINE may repeat elsewhere") {
  CHECK(messages(load_text(template_doc("Cisco 8845",
                                        "    - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n"
                                        "    - {lineKeyIndex: 2, lineKeyType: PRIMARY_LINE}\n")))
            .empty());
  auto wrong = load_text(template_doc("Cisco 8845", "    - {lineKeyIndex: 1, lineKeyType: MONITOR}\n"));
  REQUIRE(wrong.diagnostics.size() == 1);
  CHECK(wrong.diagnostics[0].field == "spec.lineKeys[0].lineKeyType");
  auto missing = load_text(template_doc("Cisco 8845", "    - {lineKeyIndex: 2, lineKeyType: MONITOR}\n"));
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].field == "spec.lineKeys");
  CHECK(missing.diagnostics[0].where == wx::SourceLocation{"m.yaml", 6, 3});
  // A key without an index (reported by the schema) might be key 1: no guess about it.
  auto no_index = load_text(template_doc("Cisco 8845", "    - {lineKeyType: PRIMARY_LINE}\n"));
  REQUIRE(no_index.diagnostics.size() == 1);
  CHECK(no_index.diagnostics[0].field == "spec.lineKeys[0].lineKeyIndex");
}

TEST_CASE("layout keys: sharedLineIndex on every SHARED_LINE key or on none") {
  const std::string primary = "    - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n";
  CHECK(messages(load_text(template_doc("Cisco 8845",
                                        primary + "    - {lineKeyIndex: 2, lineKeyType: SHARED_LINE}\n"
                                                  "    - {lineKeyIndex: 3, lineKeyType: SHARED_LINE}\n")))
            .empty());
  CHECK(messages(load_text(template_doc(
                     "Cisco 8845",
                     primary + "    - {lineKeyIndex: 2, lineKeyType: SHARED_LINE, sharedLineIndex: 2}\n"
                               "    - {lineKeyIndex: 3, lineKeyType: SHARED_LINE, sharedLineIndex: 1}\n")))
            .empty());
  auto mixed =
      load_text(template_doc("Cisco 8845", primary + "    - {lineKeyIndex: 2, lineKeyType: SHARED_LINE}\n"
                                                     "    - {lineKeyIndex: 3, lineKeyType: SHARED_LINE, "
                                                     "sharedLineIndex: 1}\n"
                                                     "    - {lineKeyIndex: 4, lineKeyType: SHARED_LINE}\n"));
  REQUIRE(mixed.diagnostics.size() == 2);
  CHECK(mixed.diagnostics[0].field == "spec.lineKeys[1]");
  CHECK(mixed.diagnostics[1].field == "spec.lineKeys[3]");
  CHECK(mixed.diagnostics[0].message.find("(at m.yaml:9:68)") != std::string::npos);
}

TEST_CASE("layout keys: KEM module types name their size") {
  CHECK(wx::manifest::kem_keys_per_module("KEM_14_KEYS") == 14);
  CHECK(wx::manifest::kem_keys_per_module("KEM_18_KEYS") == 18);
  CHECK(wx::manifest::kem_keys_per_module("KEM_20_KEYS") == 20);
  CHECK(wx::manifest::kem_keys_per_module("KEM_28_KEYS") == 28);  // a size Webex may add
  CHECK(wx::manifest::kem_keys_per_module("KEM__KEYS") == 0);
  CHECK(wx::manifest::kem_keys_per_module("KEM_X_KEYS") == 0);
  CHECK(wx::manifest::kem_keys_per_module("BEKEM") == 0);
}
