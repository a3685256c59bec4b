#include <doctest/doctest.h>

#include <string>

#include "webex/body_json.h"

using wx::webex_detail::json_nesting_depth;
using wx::webex_detail::kMaxJsonDepth;
using wx::webex_detail::parse_body_json;

TEST_CASE("parse_body_json reads objects, arrays and scalars; empty or broken text reads as null") {
  CHECK(parse_body_json(R"({"items":[{"id":"a"}]})")["items"][0]["id"] == "a");
  CHECK(parse_body_json("[1,2]").size() == 2);
  CHECK(parse_body_json("7") == 7);
  CHECK(parse_body_json("").is_null());
  CHECK(parse_body_json("{\"a\":").is_null());
  CHECK(parse_body_json("<html>502</html>").is_null());
}

TEST_CASE("json_nesting_depth counts brackets outside strings only") {
  CHECK(json_nesting_depth("1") == 0);
  CHECK(json_nesting_depth(R"({"a":[{"b":[]}]})") == 4);
  CHECK(json_nesting_depth(R"({"a":"[[[[{{{{\"[["})") == 1);
  CHECK(json_nesting_depth(R"(["\\", [1]])") == 2);             // an escaped backslash ends before the quote
  CHECK(json_nesting_depth("]]]}}[") == 1);                     // stray closers do not go below zero
  CHECK(json_nesting_depth(std::string(1000, '['), 10) == 11);  // stops counting past the limit
}

TEST_CASE("a body nested deeper than kMaxJsonDepth reads as null instead of overflowing the stack") {
  auto nested = [](int depth) {
    return "{\"items\":" + std::string(static_cast<std::size_t>(depth - 1), '[') +
           std::string(static_cast<std::size_t>(depth - 1), ']') + "}";
  };
  CHECK(parse_body_json(nested(kMaxJsonDepth)).is_object());
  CHECK(parse_body_json(nested(kMaxJsonDepth + 1)).is_null());
  // Large enough that copying the parsed value recursively would exhaust an 8 MiB stack.
  CHECK(parse_body_json(nested(2'000'000)).is_null());
}
