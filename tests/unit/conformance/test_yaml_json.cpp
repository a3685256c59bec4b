#include <doctest/doctest.h>

#include <stdexcept>

#include "wxphones/conformance/yaml_json.h"

using nlohmann::json;
using wx::conformance::yaml_to_json;

TEST_CASE("YAML scalars map to the JSON types of the YAML 1.2 core schema") {
  const json j = yaml_to_json(R"(
plain_true: true
plain_false: False
quoted_true: 'true'
dquoted_true: "true"
tagged_str: !!str 12
int: 133
quoted_int: '133'
negative: -7
float: 1.5
exp: 1e3
hex: 0x1F
null_word: null
tilde: ~
empty:
yes_word: yes
version: 1.0.0
phone: +1 408 526 7209
time: 2015-10-18T14:26:16.000Z
big: 18446744073709551615
block: |
  two
  lines
)");
  CHECK(j["plain_true"] == true);
  CHECK(j["plain_false"] == false);
  CHECK(j["quoted_true"] == "true");
  CHECK(j["dquoted_true"] == "true");
  CHECK(j["tagged_str"] == "12");
  CHECK(j["int"].is_number_integer());
  CHECK(j["int"] == 133);
  CHECK(j["quoted_int"] == "133");
  CHECK(j["negative"] == -7);
  CHECK(j["float"] == 1.5);
  CHECK(j["exp"] == 1000.0);
  CHECK(j["hex"] == 31);
  CHECK(j["null_word"].is_null());
  CHECK(j["tilde"].is_null());
  CHECK(j["empty"].is_null());
  CHECK(j["yes_word"] == "yes");  // YAML 1.1 booleans are strings in 1.2
  CHECK(j["version"] == "1.0.0");
  CHECK(j["phone"] == "+1 408 526 7209");
  CHECK(j["time"] == "2015-10-18T14:26:16.000Z");
  CHECK(j["big"].is_number_unsigned());
  CHECK(j["block"] == "two\nlines\n");
}

TEST_CASE("YAML collections: numeric keys become strings, sequences arrays, aliases expand") {
  const json j = yaml_to_json(R"(
responses:
  200: {description: OK}
  '404': {description: Not Found}
list: [1, 'a', [true]]
base: &b {x: 1}
copy: *b
)");
  CHECK(j["responses"].contains("200"));
  CHECK(j["responses"].contains("404"));
  CHECK(j["list"] == json::parse(R"([1, "a", [true]])"));
  CHECK(j["copy"] == json::parse(R"({"x": 1})"));
}

TEST_CASE("malformed YAML throws with the parser's message") {
  CHECK_THROWS_AS(yaml_to_json("a: [1, 2"), std::runtime_error);
}
