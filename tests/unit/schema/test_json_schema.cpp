#include <doctest/doctest.h>

#include <initializer_list>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "wxphones/schema/json_schema.h"

using nlohmann::json;
using wx::schema::Dialect;
using wx::schema::SchemaDocument;
using wx::schema::SchemaError;
using wx::schema::ValidateOptions;

namespace {

std::vector<SchemaError> check(const json& schema, const json& instance,
                               const ValidateOptions& options = {}) {
  return SchemaDocument(schema).validate(instance, "", options);
}

// "path: message" lines, the form the tests pin; printable so a failing CHECK shows both sides.
struct Lines {
  std::vector<std::string> items;
  Lines(std::initializer_list<std::string> list) : items(list) {}
  explicit Lines(std::vector<std::string> list) : items(std::move(list)) {}
  bool empty() const { return items.empty(); }
  std::size_t size() const { return items.size(); }
  bool operator==(const Lines& other) const { return items == other.items; }
};

std::ostream& operator<<(std::ostream& os, const Lines& lines) {
  os << "[";
  for (const auto& l : lines.items) {
    os << "\n  " << l;
  }
  return os << "]";
}

Lines run(const json& schema, const json& instance, const ValidateOptions& options = {}) {
  std::vector<std::string> out;
  for (const auto& e : check(schema, instance, options)) {
    out.push_back(e.instance_path + ": " + e.message);
  }
  return Lines(std::move(out));
}

const json kPhone = json::parse(R"J({
  "type": "object",
  "additionalProperties": false,
  "required": ["model", "owner"],
  "properties": {
    "mac": {"type": "string", "pattern": "^[0-9A-Fa-f]{2}(:?[0-9A-Fa-f]{2}){5}$",
            "description": "12 hex digits, optionally separated by colons (00:1B:54:AA:01:02)"},
    "model": {"type": "string", "minLength": 1},
    "onboarding": {"enum": ["MAC", "activationCode"]},
    "owner": {"type": "object", "required": ["person"], "properties": {"person": {"type": "string", "format": "email"}}},
    "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "maxItems": 3}
  }
})J");

}  // namespace

TEST_CASE("a valid instance has no errors") {
  CHECK(
      run(kPhone,
          json::parse(R"({"model":"DMS Cisco 9861","owner":{"person":"a@b.example"},"mac":"001B54AA0102"})"))
          .empty());
  CHECK(run(json::object(), json::parse(R"({"anything": [1, 2]})")).empty());
  CHECK(run(json(true), 5).empty());
}

TEST_CASE("additionalProperties false lists the allowed names, required and type report at their paths") {
  const json instance =
      json::parse(R"({"macc":"00:1B","owner":{"person":7},"tags":["a","a"],"onboarding":"mac"})");
  CHECK(run(kPhone, instance) ==
        Lines{
            ": missing required field \"model\"",
            "/macc: unknown field \"macc\"; expected one of: mac, model, onboarding, owner, tags",
            "/onboarding: expected one of: MAC, activationCode; got \"mac\"",
            "/owner/person: expected a string, got a number",
            "/tags/1: duplicate item \"a\": same as item 0",
        });
  const auto errors = check(kPhone, instance);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].keyword == "required");
  CHECK(errors[1].keyword == "additionalProperties");
  CHECK(errors[2].keyword == "enum");
  CHECK(errors[3].keyword == "type");
  CHECK(errors[4].keyword == "uniqueItems");
}

TEST_CASE("pattern errors quote the schema description, else the pattern") {
  CHECK(
      run(kPhone, json::parse(R"({"model":"x","owner":{"person":"a@b.example"},"mac":"00:1B"})")) ==
      Lines{
          "/mac: \"00:1B\" does not match the expected format: 12 hex digits, optionally separated by colons "
          "(00:1B:54:AA:01:02)"});
  CHECK(run(json::parse(R"({"pattern":"^[a-z]+$"})"), "ABC") ==
        Lines{": \"ABC\" does not match the expected format: ^[a-z]+$"});
  // pattern is a search, not a full match
  CHECK(run(json::parse(R"({"pattern":"b"})"), "abc").empty());
  CHECK(check(json::parse(R"({"pattern":"("})"), "x").front().message == "schema error: invalid pattern (");
}

TEST_CASE("type: integer accepts integral numbers, arrays of types, short values") {
  const json integer = {{"type", "integer"}};
  CHECK(run(integer, 7).empty());
  CHECK(run(integer, 7.0).empty());
  CHECK(run(integer, "seven") == Lines{": expected an integer, got \"seven\""});
  CHECK(run(integer, 7.5) == Lines{": expected an integer, got a number"});
  CHECK(run(json::parse(R"({"type":["string","null"]})"), nullptr).empty());
  CHECK(run(json::parse(R"({"type":["string","integer","null"]})"), true) ==
        Lines{": expected a string, an integer or null, got a boolean"});
  CHECK(run(json::parse(R"({"type":"object"})"), json::array()) ==
        Lines{": expected an object, got an array"});
  CHECK(run(json::parse(R"({"type":"number"})"), json::object()) ==
        Lines{": expected a number, got an object"});
  CHECK(run(json::parse(R"({"type":"boolean"})"), nullptr) == Lines{": expected a boolean, got null"});
  const std::string long_text(100, 'x');
  CHECK(run(integer, long_text) == Lines{": expected an integer, got \"" + std::string(60, 'x') + "...\""});
}

TEST_CASE("enum and const") {
  CHECK(run(json::parse(R"({"enum":[1,"two",null]})"), 3) == Lines{": expected one of: 1, two, null; got 3"});
  CHECK(run(json::parse(R"({"enum":[1,"two",null]})"), nullptr).empty());
  CHECK(run(json::parse(R"({"const":"Phone"})"), "Phone").empty());
  CHECK(run(json::parse(R"({"const":"Phone"})"), "phone") ==
        Lines{": expected exactly \"Phone\"; got \"phone\""});
}

TEST_CASE("string lengths count characters and formats are checked loosely") {
  const json bounded = json::parse(R"({"minLength":2,"maxLength":3})");
  CHECK(run(bounded, "ab").empty());
  CHECK(run(bounded, "\xC3\xA9\xC3\xA9").empty());  // two characters, four bytes
  CHECK(run(bounded, "a") == Lines{": expected at least 2 characters, got 1"});
  CHECK(run(bounded, "abcd") == Lines{": expected at most 3 characters, got 4"});
  CHECK(run(json::parse(R"({"minLength":1})"), "") == Lines{": expected at least 1 character, got 0"});

  const json date = json::parse(R"({"format":"date-time"})");
  CHECK(run(date, "2024-05-01T12:00:00Z").empty());
  CHECK(run(date, "2024-05-01T12:00:00.123+02:00").empty());
  CHECK(run(date, "yesterday") ==
        Lines{": \"yesterday\" is not a valid date-time: expected a date-time such as 2024-05-01T12:00:00Z"});
  CHECK(run(json::parse(R"({"format":"email"})"), "alice@example.com").empty());
  CHECK(run(json::parse(R"({"format":"email"})"), "alice").size() == 1);
  CHECK(run(json::parse(R"({"format":"uri"})"), "https://webexapis.com/v1").empty());
  CHECK(run(json::parse(R"({"format":"uri"})"), "not a uri").size() == 1);
  CHECK(run(json::parse(R"({"format":"hostname-ish"})"), "whatever").empty());
  CHECK(run(date, 5).empty());  // formats only constrain strings
}

TEST_CASE("numeric bounds, both exclusive spellings") {
  const json range = json::parse(R"({"minimum":1,"maximum":10})");
  CHECK(run(range, 1).empty());
  CHECK(run(range, 10).empty());
  CHECK(run(range, 0) == Lines{": expected a value of at least 1, got 0"});
  CHECK(run(range, 10.5) == Lines{": expected a value of at most 10, got 10.5"});
  const json exclusive = json::parse(R"({"exclusiveMinimum":0,"exclusiveMaximum":5})");
  CHECK(run(exclusive, 0) == Lines{": expected a value greater than 0, got 0"});
  CHECK(run(exclusive, 5) == Lines{": expected a value less than 5, got 5"});
  CHECK(run(exclusive, 2.5).empty());
  const json openapi =
      json::parse(R"({"minimum":0,"exclusiveMinimum":true,"maximum":5,"exclusiveMaximum":true})");
  CHECK(run(openapi, 0) == Lines{": expected a value greater than 0, got 0"});
  CHECK(run(openapi, 5) == Lines{": expected a value less than 5, got 5"});
}

TEST_CASE("array and object sizes, items, patternProperties, additionalProperties as a schema") {
  const json list = json::parse(R"({"type":"array","items":{"type":"integer"},"minItems":1,"maxItems":2})");
  CHECK(run(list, json::array()) == Lines{": expected at least 1 item, got 0"});
  CHECK(run(list, json::parse("[1,2,3]")) == Lines{": expected at most 2 items, got 3"});
  CHECK(run(list, json::parse(R"([1,"x"])")) == Lines{"/1: expected an integer, got \"x\""});

  const json map = json::parse(R"({
    "type":"object","minProperties":1,"maxProperties":2,
    "patternProperties":{"^%[A-Z_]+%$":{"type":"string"}},
    "additionalProperties":{"type":"integer"}})");
  CHECK(run(map, json::object()) == Lines{": expected at least 1 field, got 0"});
  CHECK(run(map, json::parse(R"({"%ENABLE_BT%":"1","Audio.Volume":7})")).empty());
  CHECK(run(map, json::parse(R"({"%ENABLE_BT%":1,"Audio.Volume":"7","c":1})")) ==
        Lines{"/%ENABLE_BT%: expected a string, got a number",
              "/Audio.Volume: expected an integer, got \"7\"", ": expected at most 2 fields, got 3"});

  const json closed = json::parse(R"({"patternProperties":{"^x-":{}},"additionalProperties":false,
                                     "properties":{"a":{}}})");
  CHECK(run(closed, json::parse(R"({"x-foo":1,"b":2})")) ==
        Lines{"/b: unknown field \"b\"; expected one of: a, or a name matching ^x-"});
  CHECK(run(json::parse(R"({"additionalProperties":false})"), json::parse(R"({"z":1})")) ==
        Lines{"/z: unknown field \"z\"; no fields are allowed here"});
}

TEST_CASE("instance paths escape / and ~ as JSON Pointer tokens") {
  const json schema = json::parse(R"({"additionalProperties":{"type":"string"}})");
  CHECK(run(schema, json::parse(R"({"a/b~c":1})")) == Lines{"/a~1b~0c: expected a string, got a number"});
}

TEST_CASE("allOf reports every branch's errors once, not restates duplicates") {
  const json schema = json::parse(R"({"$defs":{"s":{"type":"string"}},
    "allOf":[{"$ref":"#/$defs/s"},{"$ref":"#/$defs/s"},{"minLength":3}]})");
  CHECK(run(schema, "ab") == Lines{": expected at least 3 characters, got 2"});
  CHECK(run(schema, 5) == Lines{": expected a string, got a number"});
}

TEST_CASE("not") {
  CHECK(run(json::parse(R"({"not":{"type":"null"}})"), 1).empty());
  CHECK(run(json::parse(R"({"not":{"type":"null","description":"a value is required"}})"), nullptr) ==
        Lines{": this value is not allowed here: a value is required"});
}

TEST_CASE("oneOf/anyOf report the closest branch") {
  const json owner = json::parse(R"({"oneOf":[
      {"type":"object","additionalProperties":false,"required":["person"],"properties":{"person":{"type":"string"}}},
      {"type":"object","additionalProperties":false,"required":["workspace"],"properties":{"workspace":{"type":"string"}}}
    ]})");
  CHECK(run(owner, json::parse(R"({"person":"a@b.example"})")).empty());
  CHECK(run(owner, json::parse(R"({"workspace":7})")) ==
        Lines{"/workspace: expected a string, got a number"});
  CHECK(run(owner, json::parse(R"({"person":"a","workspace":"b"})")) ==
        Lines{"/workspace: unknown field \"workspace\"; expected one of: person"});

  // The discriminating constant decides the branch even when another branch has fewer errors.
  const json kinds = json::parse(R"({"$defs":{
      "phone":{"type":"object","required":["kind","spec"],"properties":{"kind":{"const":"Phone"},
               "spec":{"type":"object","required":["model","mac","owner"]}}},
      "template":{"type":"object","required":["kind"],"properties":{"kind":{"const":"LineKeyTemplate"},
               "spec":{"type":"object"}}}},
    "anyOf":[{"$ref":"#/$defs/template"},{"$ref":"#/$defs/phone"}]})");
  CHECK(run(kinds, json::parse(R"({"kind":"Phone","spec":{}})")) ==
        Lines{"/spec: missing required field \"model\"", "/spec: missing required field \"mac\"",
              "/spec: missing required field \"owner\""});

  // Only type mismatches: one combined message instead of one per branch.
  const json scalar = json::parse(R"({"oneOf":[{"type":"string"},{"type":"array"}]})");
  CHECK(run(scalar, 5) == Lines{": expected a string or an array, got a number"});
  CHECK(check(scalar, 5).front().keyword == "oneOf");
}

TEST_CASE("oneOf matching several branches is an error only where required is checked") {
  const json schema = json::parse(R"({"properties":{"v":{"oneOf":[{"type":"integer"},{"type":"number"}]}}})");
  CHECK(run(schema, json::parse(R"({"v":1})")) ==
        Lines{"/v: matches more than one of the allowed forms (forms 1 and 2); it must match exactly one"});
  CHECK(run(schema, json::parse(R"({"v":1.5})")).empty());
  ValidateOptions relaxed;
  relaxed.check_required_nested = false;
  CHECK(run(schema, json::parse(R"({"v":1})"), relaxed).empty());
}

TEST_CASE("$ref resolves $defs, definitions and components/schemas, with escapes") {
  const json doc = json::parse(R"({
    "$defs":{"a":{"type":"string"}},
    "definitions":{"b":{"type":"integer"}},
    "components":{"schemas":{"c":{"type":"boolean"},"d/e":{"type":"null"},"f g":{"type":"array"}}},
    "properties":{"a":{"$ref":"#/$defs/a"},"b":{"$ref":"#/definitions/b"},"c":{"$ref":"#/components/schemas/c"},
                  "d":{"$ref":"#/components/schemas/d~1e"},"f":{"$ref":"#/components/schemas/f%20g"}}})");
  CHECK(run(doc, json::parse(R"({"a":"x","b":1,"c":true,"d":null,"f":[]})")).empty());
  CHECK(run(doc, json::parse(R"({"a":1,"b":"x","c":1,"d":1,"f":1})")) ==
        Lines{"/a: expected a string, got a number", "/b: expected an integer, got \"x\"",
              "/c: expected a boolean, got a number", "/d: expected null, got a number",
              "/f: expected an array, got a number"});
  CHECK(run(json::parse(R"({"$ref":"#/$defs/missing"})"), 1) ==
        Lines{": schema error: reference \"#/$defs/missing\" points to nothing"});
  CHECK(run(json::parse(R"({"$ref":"other.json#/x"})"), 1) ==
        Lines{": schema error: only local references are supported, cannot follow \"other.json#/x\""});
}

TEST_CASE("validate() starts at a schema pointer inside the document") {
  const SchemaDocument doc(json::parse(R"({"components":{"schemas":{"Id":{"type":"string"}}}})"));
  CHECK(doc.validate("x", "#/components/schemas/Id").empty());
  CHECK(doc.validate(1, "/components/schemas/Id").size() == 1);
  CHECK(doc.validate(1, "#/components/schemas/Nope").front().message ==
        "schema error: no schema at \"#/components/schemas/Nope\"");
}

TEST_CASE("$ref cycles terminate: recursive data is checked, schema-only loops are cut") {
  const json tree = json::parse(R"({"$defs":{"node":{"type":"object","properties":{
      "name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}},
    "$ref":"#/$defs/node"})");
  CHECK(run(tree, json::parse(R"({"name":"a","children":[{"name":"b","children":[{"name":3}]}]})")) ==
        Lines{"/children/0/children/0/name: expected a string, got a number"});

  const json loop =
      json::parse(R"({"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a","type":"string"}},
                                   "$ref":"#/$defs/a"})");
  CHECK(run(loop, 1) == Lines{": expected a string, got a number"});
  CHECK(run(json::parse(R"({"$ref":"#"})"), 1).empty());
  const json mutual = json::parse(R"({"$defs":{"x":{"anyOf":[{"$ref":"#/$defs/x"},{"type":"string"}]}},
                                     "$ref":"#/$defs/x"})");
  CHECK(run(mutual, "ok").empty());
}

TEST_CASE("check_required_nested=false checks required only on the root instance") {
  const json schema = json::parse(R"({"required":["a"],"properties":{"b":{"required":["c"],
                                     "properties":{"c":{"type":"string"}}}}})");
  ValidateOptions relaxed;
  relaxed.check_required_nested = false;
  CHECK(run(schema, json::parse(R"({"b":{}})")) ==
        Lines{": missing required field \"a\"", "/b: missing required field \"c\""});
  CHECK(run(schema, json::parse(R"({"b":{}})"), relaxed) == Lines{": missing required field \"a\""});
  CHECK(run(schema, json::parse(R"({"a":1,"b":{"c":1}})"), relaxed) ==
        Lines{"/b/c: expected a string, got a number"});
  ValidateOptions none;
  none.check_required = false;
  CHECK(run(schema, json::parse(R"({"b":{}})"), none).empty());
}

TEST_CASE("OpenAPI 3.0: nullable, ignored annotations") {
  const json schema = json::parse(R"({"type":"string","nullable":true,"enum":["A","B"],"example":"A",
    "x-internal":true,"readOnly":true,"deprecated":true,"description":"d","title":"t","default":"A"})");
  ValidateOptions openapi;
  openapi.dialect = Dialect::OpenApi30;
  CHECK(run(schema, nullptr, openapi).empty());
  CHECK(run(schema, "A", openapi).empty());
  CHECK(run(schema, "C", openapi) == Lines{": expected one of: A, B; got \"C\""});
  CHECK(run(schema, 1, openapi) == Lines{": expected a string or null, got a number"});
  // In plain JSON Schema `nullable` means nothing.
  CHECK(run(schema, nullptr) == Lines{": expected a string, got null"});
  const json not_nullable = json::parse(R"({"type":"integer"})");
  CHECK(run(not_nullable, nullptr, openapi) == Lines{": expected an integer, got null"});
}

TEST_CASE("boolean schemas and tuple items") {
  CHECK(run(json::parse(R"({"properties":{"a":false}})"), json::parse(R"({"a":1})")) ==
        Lines{"/a: no value is allowed here"});
  const json tuple = json::parse(R"({"prefixItems":[{"type":"string"},{"type":"integer"}],"items":false})");
  CHECK(run(tuple, json::parse(R"(["a",1])")).empty());
  CHECK(run(tuple, json::parse(R"([1,1,2])")) ==
        Lines{"/0: expected a string, got a number", "/2: no value is allowed here"});
}

TEST_CASE("a document is shareable across threads: validate is const and the regex cache is locked") {
  const SchemaDocument doc(kPhone);
  const json bad = json::parse(R"({"model":"x","owner":{"person":"a@b.example"},"mac":"zz"})");
  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        counts[t] += doc.validate(bad).size();
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  for (auto c : counts) {
    CHECK(c == 50);
  }
}

TEST_CASE("report_undeclared_properties flags fields an open OpenAPI object does not list") {
  const json schema = json::parse(R"({"type":"object","properties":{"a":{"type":"string"},
    "inner":{"allOf":[{"properties":{"x":{}}},{"properties":{"y":{}}}]},
    "map":{"type":"object","additionalProperties":{"type":"integer"}}}})");
  const json instance = json::parse(R"({"a":"1","b":2,"inner":{"x":1,"y":2},"map":{"k":1}})");
  CHECK(run(schema, instance).empty());
  ValidateOptions strict;
  strict.report_undeclared_properties = true;
  CHECK(run(schema, instance, strict) ==
        Lines{"/b: undeclared field \"b\"; the description lists: a, inner, map"});
  CHECK(check(schema, instance, strict).front().keyword == "undeclared");
}
