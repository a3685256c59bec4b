#include <doctest/doctest.h>

#include <httplib.h>

#include "emulator/emulator_fixture.h"
#include "emulator/lifecycle.h"
#include "emulator/phoneos.h"
#include "emulator/seed.h"

using namespace wx::emulator;
using wx::emulator::test::Fixture;

namespace {

Device& add_phone(State& state, const std::string& model, const std::string& mac) {
  Device d;
  d.uuid = state.ids.uuid();
  d.model = model;
  d.mac = mac;
  d.person_uuid = state.org.people.front().uuid;
  state.org.devices.push_back(d);
  return state.org.devices.back();
}

}  // namespace

TEST_CASE("require_configurable: PhoneOS phones never online get the seed's 4xx; MPP and online pass") {
  State state;
  load_seed(state, wx::emulator::test::kTestSeed, ".");
  httplib::Request req;
  Device& phone_os = add_phone(state, "DMS Cisco 9861", "001B54AA0500");
  {
    httplib::Response res;
    Context ctx{req, res, state, {}, "/x"};
    CHECK_FALSE(require_configurable(ctx, phone_os));
    CHECK(res.status == 409);
    auto body = nlohmann::json::parse(res.body);
    CHECK(body["message"] == "not online yet");
    CHECK(body["errors"][0]["errorCode"] == 4008);
    CHECK(body["trackingId"].get<std::string>().rfind("EMULATOR_", 0) == 0);
  }
  Device& video = add_phone(state, "DMS Cisco 8875", "001B54AA0501");
  {
    httplib::Response res;
    Context ctx{req, res, state, {}, "/x"};
    CHECK_FALSE(require_configurable(ctx, video));
  }
  Device& mpp = add_phone(state, "DMS Cisco 8851", "001B54AA0502");
  {
    httplib::Response res;
    Context ctx{req, res, state, {}, "/x"};
    CHECK(require_configurable(ctx, mpp));  // MPP accepts configuration before it is online
  }
  Device& os = *state.device_by_mac("001B54AA0500");
  bring_online(state, os, state.clock.now_ms());
  take_offline(state, os);
  {
    httplib::Response res;
    Context ctx{req, res, state, {}, "/x"};
    CHECK(require_configurable(ctx, os));  // online once is enough
  }
}

TEST_CASE("phoneOsWebexAwareAfterOnline: a 98xx is only in the telephony listing until first online") {
  std::string seed = wx::emulator::test::kTestSeed;
  seed.replace(seed.find("lifecycle:\n"), 11, "lifecycle:\n  phoneOsWebexAwareAfterOnline: true\n");
  Fixture f(Fixture::seeded(seed));
  auto alice = f.person_id("alice@acme.example");
  auto created =
      f.call("POST", "/devices", {{"mac", "001B54AA0600"}, {"model", "DMS Cisco 9871"}, {"personId", alice}});
  REQUIRE(created.status == 200);
  auto id = created.body["id"].get<std::string>();
  CHECK(f.get("/devices?personId=" + alice).body["items"].empty());
  CHECK(f.get("/devices/" + id).status == 404);
  CHECK(f.get("/telephony/config/people/" + alice + "/devices").body["devices"].size() == 1);
  CHECK(f.get("/telephony/config/devices/" + id).status == 200);
  f.advance(31);
  CHECK(f.get("/devices?personId=" + alice).body["items"].size() == 1);
}

TEST_CASE("seed errors name the bad entry") {
  State state;
  CHECK_THROWS_WITH_AS(
      load_seed(state, "locations: [{name: HQ}]\npeople: [{email: a@x, location: Nowhere}]", "."),
      doctest::Contains("Nowhere"), SeedError);
  State other;
  CHECK_THROWS_AS(load_seed(other, "lifecycle: {macOnlineAfter: soon}", "."), SeedError);
  CHECK(parse_duration_ms("30s") == 30000);
  CHECK(parse_duration_ms("2m") == 120000);
  CHECK(parse_duration_ms("null") == std::nullopt);
}

TEST_CASE("the example seed loads with the brief's organisation") {
  Fixture f([] {
    wx::emulator::EmulatorOptions o;
    o.seed_path = std::string(WX_SOURCE_DIR) + "/examples/emulator/acme-org.yaml";
    return o;
  }());
  auto state = f.control("GET", "/_emulator/state").body;
  CHECK(state["locations"].size() == 2);
  CHECK(state["people"].size() == 5);
  CHECK(state["workspaces"].size() == 2);
  CHECK(state["devices"].size() == 3);
  auto r = f.call("GET", "/devices?tag=managed-by-wxphones", nullptr, "wxphones-demo-token");
  CHECK(r.body["items"].size() == 2);
}
