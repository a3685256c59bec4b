#include <doctest/doctest.h>

#include "emulator/config_fixture.h"
#include "emulator/ids.h"

using wx::emulator::make_id;
using wx::emulator::test::ConfigFixture;

TEST_CASE("person hoteling PUT: wrapped body, applies to the person's own phones") {
  ConfigFixture f;
  auto bob = f.person_id("bob@acme.example");
  auto path = "/telephony/config/people/" + bob + "/devices/settings/hoteling";
  auto r = f.call("PUT", path,
                  {{"hoteling", {{"enabled", true}, {"limitGuestUse", true}, {"guestHoursLimit", 5}}}});
  REQUIRE(r.status == 204);
  auto d = f.get("/telephony/config/people/" + bob + "/devices").body["devices"][0];
  CHECK(d["hoteling"] ==
        nlohmann::json({{"enabled", true}, {"limitGuestUse", true}, {"guestHoursLimit", 5}}));
  // Other owners' phones are untouched.
  auto alice = f.person_id("alice@acme.example");
  CHECK(f.get("/telephony/config/people/" + alice + "/devices").body["devices"][0]["hoteling"]["enabled"] ==
        false);

  CHECK(f.call("PUT", path, {{"enabled", true}}).status == 400);  // the flat form is the workspace's
  CHECK(f.call("PUT", path, {{"hoteling", {{"enabled", true}, {"guestHoursLimit", 0}}}}).status == 400);
  CHECK(f.call("PUT", path, {{"hoteling", {{"enabled", true}, {"guestHoursLimit", 1000}}}}).status == 400);
  CHECK(f.call("PUT", path, {{"hoteling", {{"enabled", "yes"}}}}).status == 400);
  CHECK(f.call("PUT", path, {{"hoteling", {{"limitGuestUse", false}}}}).status ==
        400);  // enabled is required
  CHECK(f.call("PUT", path, {{"hoteling", {{"enabled", false}, {"guestHoursLimit", 999}}}}).status == 204);
  d = f.get("/telephony/config/people/" + bob + "/devices").body["devices"][0];
  CHECK(d["hoteling"] ==
        nlohmann::json({{"enabled", false}, {"limitGuestUse", true}, {"guestHoursLimit", 999}}));
  CHECK(f.call("PUT",
               "/telephony/config/people/" + make_id("PEOPLE", "nobody") + "/devices/settings/hoteling",
               {{"hoteling", {{"enabled", true}}}})
            .status == 404);
}

TEST_CASE("workspace devices PUT: flat body; seed hoteling; listing shape") {
  ConfigFixture f;
  auto kitchen = f.workspace_id("Branch Kitchen");
  auto path = "/telephony/config/workspaces/" + kitchen + "/devices";
  auto listing = f.get(path).body;
  REQUIRE(listing["devices"].size() == 1);
  CHECK(listing["devices"][0]["hoteling"] ==
        nlohmann::json({{"enabled", true}, {"limitGuestUse", false}, {"guestHoursLimit", 8}}));  // seeded
  CHECK(listing.contains("maxDeviceCount"));
  CHECK(listing.contains("maxOwnedDeviceCount"));

  REQUIRE(f.call("PUT", path, {{"enabled", true}, {"limitGuestUse", true}, {"guestHoursLimit", 24}}).status ==
          204);
  CHECK(f.get(path).body["devices"][0]["hoteling"] ==
        nlohmann::json({{"enabled", true}, {"limitGuestUse", true}, {"guestHoursLimit", 24}}));
  auto wrapped = f.call("PUT", path, {{"hoteling", {{"enabled", false}}}});
  CHECK(wrapped.status == 400);
  CHECK(wrapped.body["message"].get<std::string>().find("flat") != std::string::npos);
  CHECK(f.call("PUT", path, {{"enabled", true}, {"guestHoursLimit", 1000}}).status == 400);
  CHECK(f.get(path).body["devices"][0]["hoteling"]["guestHoursLimit"] == 24);
  CHECK(f.call("PUT", "/telephony/config/workspaces/" + make_id("PLACE", "nobody") + "/devices",
               {{"enabled", true}})
            .status == 404);
}

TEST_CASE("person device count") {
  ConfigFixture f;
  auto r = f.get("/telephony/config/people/" + f.person_id("alice@acme.example") + "/devices/count");
  REQUIRE(r.status == 200);
  CHECK(r.body == nlohmann::json({{"totalDeviceCount", 1}, {"applicationsCount", 0}}));
  CHECK(f.get("/telephony/config/people/" + make_id("PEOPLE", "nobody") + "/devices/count").status == 404);
}
