#include <doctest/doctest.h>

#include "manifest/schema_check.h"
#include "manifest_test_support.h"
#include "wxphones/manifest/embedded_schemas.h"
#include "wxphones/manifest/kind_registry.h"

TEST_CASE("schemas: every kind's schema is built in and parses") {
  for (const auto& kind : wx::manifest::KindRegistry::builtin().kinds()) {
    CAPTURE(kind.kind);
    CHECK(wx::manifest::embedded_schema(kind.schema_file) != nullptr);
  }
  CHECK(wx::manifest::embedded_schema("wxphones.schema.json") != nullptr);
  CHECK(wx::manifest::embedded_schema("nope.schema.json") == nullptr);
}

TEST_CASE("schemas: wxphones.schema.json dispatches every kind to its schema file") {
  const auto* any = wx::manifest::embedded_schema("wxphones.schema.json");
  REQUIRE(any != nullptr);
  const nlohmann::json& doc = any->document();
  std::vector<std::string> kinds = doc["properties"]["kind"]["enum"].get<std::vector<std::string>>();
  CHECK(kinds == wx::manifest::KindRegistry::builtin().names());
  for (const auto& kind : wx::manifest::KindRegistry::builtin().kinds()) {
    bool found = false;
    for (const auto& branch : doc["allOf"]) {
      if (branch["if"]["properties"]["kind"]["const"] == kind.kind) {
        CHECK(branch["then"]["$ref"] == kind.schema_file);
        found = true;
      }
    }
    CHECK_MESSAGE(found, kind.kind);
  }
  // Dispatch happens before the per-kind schema: an unknown kind fails the enum.
  auto errors =
      any->validate(nlohmann::json{{"apiVersion", "wxphones/v1"}, {"kind", "Phon"}, {"metadata", {}}});
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0].instance_path == "/kind");
}

TEST_CASE("schema check: unknown fields point at their key, with the closest allowed name") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: p}\nspec:\n  model: Cisco 9861\n"
      "  mac: 001b54aa0102\n  owner: {person: a@b.example}\n  tgas: [a]\n");
  REQUIRE(set.diagnostics.size() == 1);
  const auto& d = set.diagnostics[0];
  CHECK(d.where == wx::SourceLocation{"m.yaml", 8, 3});
  CHECK(d.field == "spec.tgas");
  CHECK(d.message ==
        "unknown field; did you mean \"tags\"? (expected one of: configurations, dynamicSettings, hoteling, "
        "layout, mac, members, model, onboarding, owner, settings, tags)");
}

TEST_CASE("schema check: missing fields are named and point at the object's key") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Phone\nmetadata:\n  description: x\nspec:\n"
      "  mac: 001b54aa0102\n  owner: {person: a@b.example}\n");
  std::vector<std::string> expected = {"3:1 metadata.name: missing required field",
                                       "5:1 spec.model: missing required field"};
  CHECK(wx::test::messages(set) == expected);
}

TEST_CASE("schema check: types, patterns and uniqueness report at the value") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: p}\nspec:\n  model: Cisco 9861\n"
      "  mac: 001b54aa0102\n  owner: {person: nobody}\n  tags: [a, a]\n");
  REQUIRE(set.diagnostics.size() == 2);
  CHECK(set.diagnostics[0].field == "spec.owner.person");
  CHECK(set.diagnostics[0].message.find("an email address") != std::string::npos);
  CHECK(set.diagnostics[1].field == "spec.tags[1]");
  CHECK(set.diagnostics[1].where == wx::SourceLocation{"m.yaml", 8, 13});
}
