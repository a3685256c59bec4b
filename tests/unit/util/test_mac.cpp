#include <doctest/doctest.h>

#include "wxphones/util/mac.h"

using wx::normalize_mac;

TEST_CASE("MACs normalise to 12 upper-case hex digits") {
  CHECK(normalize_mac("00:1b:54:aa:01:02") == "001B54AA0102");
  CHECK(normalize_mac("00-1B-54-AA-01-02") == "001B54AA0102");
  CHECK(normalize_mac("001B.54AA.0102") == "001B54AA0102");
  CHECK(normalize_mac("001b54aa0102") == "001B54AA0102");
}

TEST_CASE("malformed MACs are rejected") {
  CHECK_FALSE(normalize_mac(""));
  CHECK_FALSE(normalize_mac("00:1B:54"));
  CHECK_FALSE(normalize_mac("001B54AA01023"));
  CHECK_FALSE(normalize_mac("00:1B-54:AA:01:02"));  // mixed separators
  CHECK_FALSE(normalize_mac("001:B54:AA0:102"));    // groups of three are no MAC spelling
  CHECK_FALSE(normalize_mac("0:01B:54:AA:01:02"));  // uneven groups
  CHECK_FALSE(normalize_mac("00::1B:54:AA:01:02"));
  CHECK_FALSE(normalize_mac("GG1B54AA0102"));
  CHECK_FALSE(normalize_mac(":001B54AA0102"));
}
