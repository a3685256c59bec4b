#include <doctest/doctest.h>

#include <string>

#include "wxphones/manifest/yaml_reader.h"

using wx::Diagnostics;
using wx::manifest::read_yaml_documents;

// Found by fuzz/fuzz_manifest.
TEST_CASE("a stray ',' outside a flow collection is a syntax error, not an endless loop in yaml-cpp") {
  for (const char* text : {",\n", ",apiVersion: wxphones/v1\nkind: Phone\n", "]\n"}) {
    CAPTURE(text);
    Diagnostics diagnostics;
    auto documents = read_yaml_documents(text, "f.yaml", diagnostics);
    CHECK(documents.empty());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].where.line == 1);
    CHECK(diagnostics[0].message.find("YAML syntax error") == 0);
  }
}

TEST_CASE("a plain scalar too long to be a number stays text (std::regex would overflow the stack)") {
  Diagnostics diagnostics;
  auto documents =
      read_yaml_documents("a: " + std::string(1'000'000, '1') + "\nb: 12\n", "f.yaml", diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].value["a"].is_string());
  CHECK(documents[0].value["b"] == 12);
}
