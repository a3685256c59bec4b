#include <doctest/doctest.h>

#include "emulator/ids.h"

using namespace wx::emulator;

TEST_CASE("emulator ids: base64 of ciscospark://us/KIND/uuid, decoded padded or not") {
  auto id = make_id("CALLING_DEVICE", "5101b07b-4f8f-4ef7-b565-db19c7b723f7");
  CHECK(id.back() == '=');
  CHECK(make_id("DEVICE", "5101b07b-4f8f-4ef7-b565-db19c7b723f7").back() != '=');
  CHECK(base64_decode(id) ==
        std::optional<std::string>("ciscospark://us/CALLING_DEVICE/5101b07b-4f8f-4ef7-b565-db19c7b723f7"));
  std::string unpadded = id;
  while (!unpadded.empty() && unpadded.back() == '=') unpadded.pop_back();
  auto a = decode_id(id);
  auto b = decode_id(unpadded);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->kind == "CALLING_DEVICE");
  CHECK(a->cluster == "us");
  CHECK(a->uuid == b->uuid);
}

TEST_CASE("emulator ids: the spec's example ids decode, with region clusters and upper-case uuids") {
  // From the /devices example in webex-device.json.
  auto decoded = decode_id(
      "Y2lzY29zcGFyazovL3VybjpURUFNOnVzLWVhc3QtMV9pbnQxMy9DQUxMSU5HX0RFVklDRS81MTAxQjA3Qi00RjhGLTRFRjctQjU2NS"
      "1EQjE5Q"
      "zdCNzIzRjc=");
  REQUIRE(decoded);
  CHECK(decoded->cluster == "urn:TEAM:us-east-1_int13");
  CHECK(decoded->kind == "CALLING_DEVICE");
  CHECK(decoded->uuid == "5101b07b-4f8f-4ef7-b565-db19c7b723f7");
}

TEST_CASE("emulator ids: uuid_of checks the kind and its alias") {
  auto uuid = std::string("0a0b0c0d-0000-4000-8000-000000000001");
  CHECK(uuid_of(make_id("CALLING_DEVICE", uuid), "DEVICE", "CALLING_DEVICE") == uuid);
  CHECK(uuid_of(make_id("PEOPLE", uuid), "DEVICE", "CALLING_DEVICE") == std::nullopt);
  CHECK(uuid_of("not base64 at all!", "DEVICE") == std::nullopt);
  CHECK(uuid_of(base64_encode("hello"), "DEVICE") == std::nullopt);
}

TEST_CASE("emulator ids: generator is deterministic and codes are 16 digits") {
  IdGenerator a;
  IdGenerator b;
  CHECK(a.uuid() == b.uuid());
  auto code = a.digits(16);
  CHECK(code.size() == 16);
  CHECK(code.find_first_not_of("0123456789") == std::string::npos);
  CHECK(code[0] != '0');
  CHECK(a.tracking_id().rfind("EMULATOR_", 0) == 0);
}
