#include <doctest/doctest.h>

#include "emulator/settings_fixture.h"

using nlohmann::json;
using wx::emulator::test::Response;
using wx::emulator::test::SettingsFixture;

namespace {

const std::string kJobs = "/telephony/config/jobs/devices/";
const std::string kOrg = "/telephony/config/devices/settings";

json mpp_language(const std::string& language) {
  return {{"mpp", {{"phoneLanguage", language}}}};
}

std::string settings_path(SettingsFixture& f, const std::string& mac) {
  return "/telephony/config/devices/" + f.device_id(mac) + "/settings";
}

}  // namespace

TEST_CASE("callDeviceSettings org job: 200 STARTING, old values while running, applied at completion") {
  SettingsFixture f;
  auto posted = f.call("POST", kJobs + "callDeviceSettings", {{"customizations", mpp_language("DANISH")}});
  REQUIRE(posted.status == 200);
  CHECK(posted.body["name"] == "calldevicesettings");
  CHECK(posted.body["jobType"] == "calldevicesettings");
  CHECK(posted.body["latestExecutionStatus"] == "STARTING");
  CHECK(posted.body["latestExecutionExitCode"] == "UNKNOWN");
  CHECK(posted.body["target"] == "CUSTOMER");
  CHECK(posted.body["locationId"] == "");
  CHECK(posted.body["locationCustomizationsEnabled"] == false);
  // The POST answer as StartJobResponse and its example: no deviceCount, no steps while STARTING.
  CHECK_FALSE(posted.body.contains("deviceCount"));
  CHECK_FALSE(posted.body["jobExecutionStatus"][0].contains("stepExecutionStatuses"));
  CHECK_FALSE(posted.body.contains("updatedCount"));
  CHECK(f.get(f.job_path("callDeviceSettings", posted)).body["deviceCount"] == 2);  // bob's has customEnabled

  f.advance(2);
  auto org = f.get(kOrg);
  CHECK(org.body["updateInProgress"] == true);
  CHECK(org.body["customizations"]["mpp"]["phoneLanguage"] == "RUSSIAN");
  CHECK(f.get("/telephony/config/locations/" + f.location_id("HQ") + "/devices/settings")
            .body["updateInProgress"] == true);

  f.advance(30);
  auto done = f.get(f.job_path("callDeviceSettings", posted));
  CHECK(done.body["latestExecutionStatus"] == "COMPLETED");
  CHECK(done.body["jobExecutionStatus"][0]["stepExecutionStatuses"][0]["name"] ==
        "calldevicesettingsOverrideProcess");
  org = f.get(kOrg);
  CHECK(org.body["updateInProgress"] == false);
  CHECK(org.body["customizations"]["mpp"]["phoneLanguage"] == "DANISH");
  CHECK(org.body["customizations"]["mpp"]["backlightTimer"] == "ONE_MIN");  // overlay, not replacement
  CHECK(f.get(settings_path(f, "001B54AA0001")).body["customizations"]["mpp"]["phoneLanguage"] == "DANISH");
  CHECK(f.get(settings_path(f, "001B54AA0002")).body["customizations"]["mpp"]["phoneLanguage"] ==
        "FRENCH_FRANCE");
}

TEST_CASE("callDeviceSettings location job: enables the location's own values; false resets to org") {
  SettingsFixture f;
  const auto hq = f.location_id("HQ");
  const auto location_path = "/telephony/config/locations/" + hq + "/devices/settings";
  auto posted = f.call("POST", kJobs + "callDeviceSettings",
                       {{"locationId", hq},
                        {"locationCustomizationsEnabled", true},
                        {"customizations", mpp_language("DUTCH")}});
  REQUIRE(posted.status == 200);
  CHECK(posted.body["target"] == "LOCATION");
  CHECK(posted.body["locationId"] == hq);
  CHECK(posted.body["locationCustomizationsEnabled"] == true);
  CHECK(f.get(f.job_path("callDeviceSettings", posted)).body["deviceCount"] == 1);  // alice only
  f.advance(30);
  auto loc = f.get(location_path);
  CHECK(loc.body["customEnabled"] == true);
  CHECK(loc.body["customizations"]["mpp"]["phoneLanguage"] == "DUTCH");
  CHECK(f.get(kOrg).body["customizations"]["mpp"]["phoneLanguage"] == "RUSSIAN");
  CHECK(f.get(settings_path(f, "001B54AA0003")).body["customizations"]["mpp"]["phoneLanguage"] == "RUSSIAN");

  auto reset = f.call("POST", kJobs + "callDeviceSettings",
                      {{"locationId", hq}, {"locationCustomizationsEnabled", false}});
  REQUIRE(reset.status == 200);
  f.advance(30);
  loc = f.get(location_path);
  CHECK(loc.body["customEnabled"] == false);
  CHECK(loc.body["customizations"]["mpp"]["phoneLanguage"] == "RUSSIAN");

  // Bad bodies.
  CHECK(f.call("POST", kJobs + "callDeviceSettings", json::object()).status == 400);
  CHECK(f.call("POST", kJobs + "callDeviceSettings", {{"customizations", {{"mpp", {{"backlightTimer", 1}}}}}})
            .status == 400);
  CHECK(f.call("POST", kJobs + "callDeviceSettings",
               {{"locationId", "bogus"}, {"customizations", mpp_language("DUTCH")}})
            .status == 400);
}

TEST_CASE("settings jobs: failures listed in errors; one device job per org across families") {
  SettingsFixture f;
  REQUIRE(f.control("POST", "/_emulator/devices/001B54AA0003/jobFailure",
                    {{"status", 500}, {"description", "Unable to trigger device settings override process."}})
              .status == 200);
  auto first = f.call("POST", kJobs + "callDeviceSettings", {{"customizations", mpp_language("DANISH")}});
  REQUIRE(first.status == 200);
  // Every family refuses while it runs.
  CHECK(f.call("POST", kJobs + "callDeviceSettings", {{"customizations", mpp_language("DUTCH")}}).status ==
        409);
  CHECK(f.call("POST", kJobs + "rebuildPhones", {{"locationId", f.location_id("HQ")}}).status == 409);
  auto dynamic = f.call("POST", kJobs + "dynamicDeviceSettings",
                        {{"tags", json::array({{{"familyOrModelDisplayName", "Cisco 9800"},
                                                {"tag", "%ENABLE_BLUETOOTH%"},
                                                {"action", "SET"},
                                                {"value", "0"}}})}});
  CHECK(dynamic.status == 409);
  CHECK(f.call("POST", kJobs + "applyLineKeyTemplate", {{"action", "APPLY_DEFAULT_TEMPLATES"}}).status ==
        409);
  f.advance(30);
  auto done = f.get(f.job_path("callDeviceSettings", first));
  CHECK(done.body["latestExecutionExitCode"] == "COMPLETED_WITH_ERRORS");
  auto errors = f.get(f.job_path("callDeviceSettings", first) + "/errors");
  REQUIRE(errors.status == 200);
  REQUIRE(errors.body["items"].size() == 1);
  const auto& item = errors.body["items"][0];
  CHECK(item["itemNumber"] == 0);
  CHECK(item["errorType"] == "ERROR");
  CHECK(item["error"]["key"] == "500");
  CHECK(item["error"]["message"][0]["description"] == "Unable to trigger device settings override process.");
  CHECK(item["error"]["message"][0]["locationId"] == f.location_id("Branch"));
  CHECK(item.contains("trackingId"));
  CHECK(f.get(kOrg).body["customizations"]["mpp"]["phoneLanguage"] ==
        "DANISH");  // applied: not every device failed
  // Now another family may run.
  CHECK(f.call("POST", kJobs + "rebuildPhones", {{"locationId", f.location_id("HQ")}}).status == 202);
}

TEST_CASE("rebuildPhones: locationId required, 202, deviceCount, per-device counter, list newest first") {
  SettingsFixture f;
  CHECK(f.call("POST", kJobs + "rebuildPhones", json::object()).status == 400);
  CHECK(f.call("POST", kJobs + "rebuildPhones", {{"locationId", "bogus"}}).status == 400);
  auto posted = f.call("POST", kJobs + "rebuildPhones", {{"locationId", f.location_id("Branch")}});
  REQUIRE(posted.status == 202);
  CHECK(posted.body["name"] == "rebuildphones");
  CHECK(posted.body["target"] == "LOCATION");
  CHECK(posted.body["locationId"] == f.location_id("Branch"));
  CHECK(posted.body["deviceCount"] == 1);
  f.advance(30);
  auto done = f.get(f.job_path("rebuildPhones", posted));
  CHECK(done.body["latestExecutionStatus"] == "COMPLETED");
  CHECK(done.body["percentageComplete"] == 100);
  CHECK(done.body["jobExecutionStatus"][0]["stepExecutionStatuses"][0]["name"] == "rebuildphonesProcess");
  CHECK(f.device_state("001B54AA0003")["settings"]["rebuildCount"] == 1);
  CHECK(f.device_state("001B54AA0001")["settings"]["rebuildCount"] == 0);

  auto second = f.call("POST", kJobs + "rebuildPhones", {{"locationId", f.location_id("HQ")}});
  REQUIRE(second.status == 202);
  CHECK(second.body["deviceCount"] == 4);
  f.advance(60);
  // The never-online 9861 fails (PhoneOS rule); the other three rebuild.
  auto errors = f.get(f.job_path("rebuildPhones", second) + "/errors").body["items"];
  CHECK(errors.size() == 1);
  CHECK(f.device_state("001B54AA0004")["settings"]["rebuildCount"] == 1);
  auto list = f.get(kJobs + "rebuildPhones");
  REQUIRE(list.body["items"].size() == 2);
  CHECK(list.body["items"][0]["id"] == second.body["id"]);
  auto page = f.get(kJobs + "rebuildPhones?max=1");
  CHECK(page.body["items"].size() == 1);
  CHECK(page.header("Link").find("rel=\"next\"") != std::string::npos);
  CHECK(f.get(kJobs + "rebuildPhones/" + second.body["id"].get<std::string>() + "x").status == 404);
  // A job is found only under its own family.
  CHECK(f.get(kJobs + "callDeviceSettings/" + second.body["id"].get<std::string>()).status == 404);
}

TEST_CASE("stats: getSettings and GETs are reads; PUTs, applyChanges and job POSTs are writes") {
  SettingsFixture f;
  const auto device = f.device_id("001B54AA0004");
  f.control("POST", "/_emulator/stats/reset");
  f.call("POST", "/telephony/config/lists/devices/" + device + "/dynamicSettings/actions/getSettings/invoke");
  f.call("POST",
         "/telephony/config/lists/devices/dynamicSettings/actions/getSettings/"
         "invoke?familyOrModelDisplayName=Poly");
  f.get(kOrg);
  auto stats = f.control("GET", "/_emulator/stats").body;
  CHECK(stats["totalWrites"] == 0);
  CHECK(stats["totalRequests"] == 3);
  f.call("POST", "/telephony/config/devices/" + device + "/actions/applyChanges/invoke");
  f.call("PUT", "/telephony/config/devices/" + device + "/dynamicSettings", {{"tags", json::array()}});
  f.call("POST", kJobs + "rebuildPhones", {{"locationId", f.location_id("Branch")}});
  stats = f.control("GET", "/_emulator/stats").body;
  CHECK(stats["totalWrites"] == 3);
  CHECK(stats["writes"]["POST /telephony/config/devices/{deviceId}/actions/applyChanges/invoke"] == 1);
  CHECK(stats["writes"]["POST /telephony/config/jobs/devices/rebuildPhones"] == 1);
}
