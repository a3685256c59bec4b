#include <doctest/doctest.h>

#include "wxphones/manifest/yaml_reader.h"

using wx::manifest::read_yaml_documents;

TEST_CASE("yaml reader: values, types and locations") {
  wx::Diagnostics diagnostics;
  auto docs = read_yaml_documents(
      "a: 1\n"
      "b: {c: \"01\", d: no, e: ~, f: 00:1B:54:AA:01:02}\n"
      "list:\n"
      "  - x\n"
      "  - 2.5\n"
      "é: true\n"
      "s: 'q'\n",
      "f.yaml", diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(docs.size() == 1);
  const auto& v = docs[0].value;
  CHECK(v["a"] == 1);
  CHECK(v["b"]["c"] == "01");  // quoted: a string
  CHECK(v["b"]["d"] == "no");  // YAML 1.2: not a boolean
  CHECK(v["b"]["e"].is_null());
  CHECK(v["b"]["f"] == "00:1B:54:AA:01:02");  // not a sexagesimal number
  CHECK(v["list"][1] == 2.5);
  CHECK(v["é"] == true);
  CHECK(v["s"] == "q");
  const auto& at = docs[0].locations;
  CHECK(at.value_location("/a") == wx::SourceLocation{"f.yaml", 1, 4});
  CHECK(at.key_location("/a") == wx::SourceLocation{"f.yaml", 1, 1});
  CHECK(at.value_location("/b/d") == wx::SourceLocation{"f.yaml", 2, 17});
  CHECK(at.value_location("/list/1") == wx::SourceLocation{"f.yaml", 5, 5});
  CHECK(at.key_location("/é") == wx::SourceLocation{"f.yaml", 6, 1});
  // Columns count characters: "é: " is 3 characters (4 bytes) before the value.
  CHECK(at.value_location("/é") == wx::SourceLocation{"f.yaml", 6, 4});
  // A pointer that was not written falls back to its nearest written ancestor.
  CHECK(at.value_location("/b/missing") == at.value_location("/b"));
}

TEST_CASE("yaml reader: multi-document, empty documents skipped") {
  wx::Diagnostics diagnostics;
  auto docs = read_yaml_documents("---\n# nothing\n---\nx: 1\n---\n---\ny: 2\n", "f.yaml", diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].value["x"] == 1);
  CHECK(docs[1].value["y"] == 2);
  CHECK(docs[1].locations.key_location("/y").line == 7);
}

TEST_CASE("yaml reader: duplicate keys point at the second key and keep the first value") {
  wx::Diagnostics diagnostics;
  auto docs = read_yaml_documents("a:\n  b: 1\n  c: 2\n  b: 3\n", "f.yaml", diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].where == wx::SourceLocation{"f.yaml", 4, 3});
  CHECK(diagnostics[0].field == "a.b");
  CHECK(diagnostics[0].message == "duplicate key \"b\"; first written at f.yaml:2:3");
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].value["a"]["b"] == 1);
}

TEST_CASE("yaml reader: a syntax error keeps the documents before it") {
  wx::Diagnostics diagnostics;
  auto docs = read_yaml_documents("a: 1\n---\nb: [1, 2\nc: 3\n", "f.yaml", diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message.rfind("YAML syntax error: ", 0) == 0);
  CHECK(diagnostics[0].where.line >= 3);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].value["a"] == 1);
}

TEST_CASE("yaml reader: aliases copy the anchored value; complex keys are refused") {
  wx::Diagnostics diagnostics;
  auto docs = read_yaml_documents("a: &x {b: 1}\nc: *x\n? [k]\n: v\n", "f.yaml", diagnostics);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].value["c"]["b"] == 1);
  CHECK(docs[0].value.size() == 2);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "complex mapping keys are not supported");
}

TEST_CASE("yaml reader: nesting is limited while parsing too") {
  // read_yaml_documents checks the exact depth itself; the text estimate only guards yaml-cpp.
  wx::Diagnostics diagnostics;
  read_yaml_documents(std::string(70, '[') + std::string(70, ']'), "f.yaml", diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "nesting deeper than 64 levels");
  CHECK(diagnostics[0].where.column == 65);
  diagnostics.clear();
  read_yaml_documents(std::string(64, '[') + std::string(64, ']'), "f.yaml", diagnostics);
  CHECK(diagnostics.empty());
}
