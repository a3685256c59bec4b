#include <doctest/doctest.h>

#include "wxphones/schema/json_pointer.h"

using nlohmann::json;
using wx::schema::escape_pointer_token;
using wx::schema::pointer_append;
using wx::schema::resolve_pointer;

TEST_CASE("pointer tokens escape ~ and /") {
  CHECK(escape_pointer_token("a/b~c") == "a~1b~0c");
  CHECK(pointer_append("", "spec") == "/spec");
  CHECK(pointer_append("/spec", std::size_t{3}) == "/spec/3");
}

TEST_CASE("resolve_pointer handles both forms, escapes, percent-encoding and arrays") {
  const json doc = json::parse(R"({"paths":{"/devices/{deviceId}":{"get":1}},"a":[10,20],"m~n":true})");
  CHECK(resolve_pointer(doc, "") == &doc);
  CHECK(resolve_pointer(doc, "#") == &doc);
  CHECK(*resolve_pointer(doc, "#/paths/~1devices~1%7BdeviceId%7D/get") == 1);
  CHECK(*resolve_pointer(doc, "/paths/~1devices~1{deviceId}/get") == 1);
  CHECK(*resolve_pointer(doc, "/a/1") == 20);
  CHECK(*resolve_pointer(doc, "/m~0n") == true);
  CHECK(resolve_pointer(doc, "/a/2") == nullptr);
  CHECK(resolve_pointer(doc, "/a/01") == nullptr);
  CHECK(resolve_pointer(doc, "/a/x") == nullptr);
  CHECK(resolve_pointer(doc, "/nope") == nullptr);
  CHECK(resolve_pointer(doc, "nope") == nullptr);
}
