#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "wxphones/schema/json_schema.h"

using nlohmann::json;
using wx::schema::SchemaDocument;

// Found by fuzz/fuzz_manifest.
TEST_CASE("a text too long for std::regex is reported, not matched (libstdc++ would overflow the stack)") {
  SchemaDocument schema(json{{"type", "string"}, {"pattern", "^[^@\\s]+@[^@\\s]+$"}});
  auto errors = schema.validate(std::string(1'000'000, 'a') + "@b");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].keyword == "pattern");
  CHECK(errors[0].message.find("too long") != std::string::npos);
  CHECK(schema.validate("a@b").empty());
}

TEST_CASE("infinite and huge numbers are shown without UB") {
  SchemaDocument schema(json{{"enum", json::array({"a"})}});
  for (double v : {-HUGE_VAL, HUGE_VAL, 1e300, 3.0}) {
    auto errors = schema.validate(json(v));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].keyword == "enum");
  }
}
