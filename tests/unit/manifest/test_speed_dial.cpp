#include <doctest/doctest.h>

#include "manifest/speed_dial.h"

using wx::manifest::is_speed_dial_value;

TEST_CASE("speed dial: numbers, extensions and SIP URIs are accepted") {
  CHECK(is_speed_dial_value("5000"));
  CHECK(is_speed_dial_value("+14085550100"));
  CHECK(is_speed_dial_value("004940123456"));
  CHECK(is_speed_dial_value("bob@acme.example"));
  CHECK(is_speed_dial_value("bob.smith+desk@sip-1.acme_example"));
  CHECK(is_speed_dial_value("front desk@acme.example"));
}

TEST_CASE("speed dial: anything else is rejected") {
  CHECK_FALSE(is_speed_dial_value(""));
  CHECK_FALSE(is_speed_dial_value("+"));
  CHECK_FALSE(is_speed_dial_value("1234567890123456"));  // longer than E.164 allows
  CHECK_FALSE(is_speed_dial_value("(408) 555-0100"));
  CHECK_FALSE(is_speed_dial_value("sip:bob@acme.example"));
  CHECK_FALSE(is_speed_dial_value("bob@acme@example"));
  CHECK_FALSE(is_speed_dial_value("@acme.example"));
  CHECK_FALSE(is_speed_dial_value("bob@"));
  CHECK_FALSE(is_speed_dial_value("bob@acme/example"));
  CHECK_FALSE(is_speed_dial_value(" @ "));
  CHECK_FALSE(is_speed_dial_value("b\xc3\xb6\x62@acme.example"));  // not ASCII
}
