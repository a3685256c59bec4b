#include <doctest/doctest.h>

#include "manifest/suggest.h"
#include "wxphones/manifest/source_map.h"

using namespace wx::manifest;

TEST_CASE("suggestions: edit distance and closest names") {
  CHECK(edit_distance("tags", "tags") == 0);
  CHECK(edit_distance("tgas", "tags") == 1);   // a transposition
  CHECK(edit_distance("Phon", "phone") == 1);  // case-insensitive
  CHECK(closest_names("tagz", {"model", "mac", "tags"}) == std::vector<std::string>{"tags"});
  CHECK(closest_names("layout", {"model", "mac", "tags"}).empty());
  CHECK(quoted_alternatives({"a"}) == "\"a\"");
  CHECK(quoted_alternatives({"a", "b", "c"}) == "\"a\", \"b\" or \"c\"");
}

TEST_CASE("field paths from JSON Pointers") {
  CHECK(field_path("") == "");
  CHECK(field_path("/spec/owner/person") == "spec.owner.person");
  CHECK(field_path("/spec/tags/1") == "spec.tags[1]");
  CHECK(field_path("/spec/configurations/Audio.Ringer.Volume") ==
        "spec.configurations[\"Audio.Ringer.Volume\"]");
  CHECK(field_path("/a~1b/c~0d") == "[\"a/b\"][\"c~d\"]");
  CHECK(pointer_append("/a", "b/c~") == "/a/b~1c~0");
}
