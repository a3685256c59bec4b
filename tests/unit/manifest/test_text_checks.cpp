#include <doctest/doctest.h>

#include "wxphones/manifest/text_checks.h"

using namespace wx::manifest;

TEST_CASE("text checks: binary and non-UTF-8 content is refused before parsing") {
  wx::Diagnostics d;
  CHECK_FALSE(check_manifest_text(std::string("a: 1\nb: x\0y\n", 12), "f.yaml", d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].where == wx::SourceLocation{"f.yaml", 2, 5});
  CHECK(d[0].message.find("binary") != std::string::npos);

  d.clear();
  CHECK_FALSE(check_manifest_text("name: caf\xE9\n", "f.yaml", d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].where == wx::SourceLocation{"f.yaml", 1, 10});
  CHECK(d[0].message == "invalid UTF-8 (byte 0xE9); a manifest must be UTF-8 text");

  d.clear();
  CHECK_FALSE(check_manifest_text("a: \xED\xA0\x80\n", "f.yaml", d));  // an encoded surrogate
  CHECK(d.size() == 1);

  d.clear();
  CHECK(
      check_manifest_text("\xEF\xBB\xBFname: caf\xC3\xA9 \xF0\x9F\x93\x9E\n", "f.yaml", d));  // BOM, é, emoji
  CHECK(d.empty());
}

TEST_CASE("text checks: tabs in indentation, each reported") {
  wx::Diagnostics d;
  CHECK_FALSE(check_manifest_text("a:\n\tb: 1\n  \tc: 2\nd: \"tab\tinside\"\n\t# a comment\n", "f.yaml", d));
  REQUIRE(d.size() == 2);
  CHECK(d[0].where == wx::SourceLocation{"f.yaml", 2, 1});
  CHECK(d[1].where == wx::SourceLocation{"f.yaml", 3, 3});
}

TEST_CASE("text checks: nesting depth estimate") {
  CHECK(estimate_nesting_depth("a: 1\n", 64).depth == 1);
  CHECK(estimate_nesting_depth("a:\n  b:\n    c: 1\n", 64).depth == 3);
  CHECK(estimate_nesting_depth("a: [[1], {b: [2]}]\n", 64).depth == 4);
  CHECK(estimate_nesting_depth("- - - x\n", 64).depth == 3);
  // Brackets inside plain or quoted scalars, comments and block scalars are not nesting.
  CHECK(estimate_nesting_depth("a: x[[[y\nb: \"[[[\"\nc: 1 # [[[\nd: |\n  [[[[\n      {{{{\n", 64).depth ==
        1);

  wx::Diagnostics d;
  std::string deep = "a: " + std::string(64, '[') + std::string(64, ']') + "\n";
  CHECK_FALSE(check_manifest_text(deep, "f.yaml", d));  // 1 mapping + 64 sequences
  REQUIRE(d.size() == 1);
  CHECK(d[0].where == wx::SourceLocation{"f.yaml", 1, 67});
  d.clear();
  std::string fits = "a: " + std::string(63, '[') + std::string(63, ']') + "\n";
  CHECK(check_manifest_text(fits, "f.yaml", d));
  CHECK(d.empty());

  std::string block;
  for (int i = 0; i < 70; ++i) block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  DepthEstimate estimate = estimate_nesting_depth(block, 64);
  CHECK(estimate.depth == 65);
  CHECK(estimate.line == 65);
}

TEST_CASE("character columns count code points") {
  CHECK(character_column("abc", 0) == 1);
  CHECK(character_column("abc", 2) == 3);
  CHECK(character_column("\xC3\xA9x", 2) == 2);
}
