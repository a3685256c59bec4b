#include <doctest/doctest.h>

#include "emulator/settings_fixture.h"

using nlohmann::json;
using wx::emulator::test::SettingsFixture;

namespace {

const std::string kOrgRead = "/telephony/config/lists/devices/dynamicSettings/actions/getSettings/invoke";
const std::string kJobs = "/telephony/config/jobs/devices/dynamicDeviceSettings";

json tag_of(const json& body, const std::string& tag) {
  for (const auto& t : body["tags"]) {
    if (t["tag"] == tag) return t;
  }
  return nullptr;
}

std::string location_read(SettingsFixture& f, const std::string& name) {
  return "/telephony/config/lists/locations/" + f.location_id(name) +
         "/devices/dynamicSettings/actions/getSettings/invoke?familyOrModelDisplayName=Cisco%209800";
}

std::string device_read(SettingsFixture& f, const std::string& mac) {
  return "/telephony/config/lists/devices/" + f.device_id(mac) +
         "/dynamicSettings/actions/getSettings/invoke";
}

std::string device_put(SettingsFixture& f, const std::string& mac) {
  return "/telephony/config/devices/" + f.device_id(mac) + "/dynamicSettings";
}

json set(const std::string& tag, const std::string& value, const char* action = "SET") {
  return {{"tag", tag}, {"action", action}, {"value", value}};
}

}  // namespace

TEST_CASE("validationSchema and settingsGroups: built-in families, family filter, include type") {
  SettingsFixture f;
  auto all = f.get("/telephony/config/devices/dynamicSettings/validationSchema");
  REQUIRE(all.status == 200);
  CHECK(all.body["tags"].size() == 14);
  auto poly =
      f.get("/telephony/config/devices/dynamicSettings/validationSchema?familyOrModelDisplayName=Poly");
  CHECK(poly.body["tags"].size() == 4);
  // A model display name stands for its family.
  auto by_model = f.get(
      "/telephony/config/devices/dynamicSettings/validationSchema?familyOrModelDisplayName=Cisco%209861");
  CHECK(by_model.body["tags"].size() == 10);

  auto groups =
      f.get("/telephony/config/devices/dynamicSettings/settingsGroups?familyOrModelDisplayName=Poly");
  REQUIRE(groups.status == 200);
  CHECK(groups.body["settingsTabs"] == json::array({"Poly"}));
  std::size_t tags = 0;
  for (const auto& g : groups.body["settingsGroups"]) {
    CHECK(g["familyOrModelDisplayName"] == "Poly");
    for (const auto& block : g["tags"]) tags += block["tagBlock"].size();
  }
  CHECK(tags == 4);  // every schema tag appears in a group
  auto tabs = f.get("/telephony/config/devices/dynamicSettings/settingsGroups?includeSettingsType=tabs");
  CHECK_FALSE(tabs.body.contains("settingsGroups"));
  CHECK(tabs.body["settingsTabs"].size() == 2);
  CHECK(f.get("/telephony/config/devices/dynamicSettings/settingsGroups?includeSettingsType=NOPE").status ==
        400);
}

TEST_CASE("dynamic reads: value only at its level, parentValue/parentLevel, family query required") {
  SettingsFixture f;
  CHECK(f.call("POST", kOrgRead).status == 400);
  CHECK(f.call("POST", kOrgRead + "?familyOrModelDisplayName=Nope").status == 400);
  auto org = f.call("POST", kOrgRead + "?familyOrModelDisplayName=Cisco%209800");
  REQUIRE(org.status == 200);
  CHECK(org.body["updateInProgress"] == false);
  auto bt = tag_of(org.body, "%ENABLE_BLUETOOTH%");
  CHECK_FALSE(bt.contains("value"));
  CHECK(bt["parentValue"] == "1");  // first of values
  CHECK(bt["parentLevel"] == "SYSTEM_DEFAULT");
  CHECK(tag_of(org.body, "%SCREEN_BRIGHTNESS%")["parentValue"] == "1");  // min
  CHECK(tag_of(org.body, "%SCREEN_TIMEOUT%")["parentValue"] == "15");    // seed default
  CHECK(tag_of(org.body, "%RINGER_VOLUME%").is_null());                  // not an org-level tag
  // The body filters tags.
  auto filtered = f.call("POST", kOrgRead + "?familyOrModelDisplayName=Cisco%209800",
                         {{"tags", json::array({"%ENABLE_BLUETOOTH%"})}});
  CHECK(filtered.body["tags"].size() == 1);
  CHECK(f.call("POST", kOrgRead + "?familyOrModelDisplayName=Cisco%209800", {{"tags", json::array()}})
            .body["tags"]
            .size() == org.body["tags"].size());

  // Org override (admin edit), then location, then device.
  REQUIRE(f.control("PUT", "/_emulator/org/dynamicSettings",
                    {{"tags", json::array({{{"tag", "%ENABLE_BLUETOOTH%"}, {"value", "0"}}})}})
              .status == 400);  // the tag exists in two families: name one
  REQUIRE(f.control("PUT", "/_emulator/org/dynamicSettings",
                    {{"tags", json::array({{{"familyOrModelDisplayName", "Cisco 9800"},
                                            {"tag", "%ENABLE_BLUETOOTH%"},
                                            {"value", "0"}}})}})
              .status == 200);
  // A tag of one family only needs no family.
  REQUIRE(f.control("PUT", "/_emulator/org/dynamicSettings",
                    {{"tags", json::array({{{"tag", "%WALLPAPER_URL%"}, {"value", "https://x/y"}}})}})
              .status == 200);
  org = f.call("POST", kOrgRead + "?familyOrModelDisplayName=Cisco%209800");
  CHECK(tag_of(org.body, "%ENABLE_BLUETOOTH%")["value"] == "0");
  auto hq = f.call("POST", location_read(f, "HQ"));
  REQUIRE(hq.status == 200);
  bt = tag_of(hq.body, "%ENABLE_BLUETOOTH%");
  CHECK_FALSE(bt.contains("value"));
  CHECK(bt["parentValue"] == "0");
  CHECK(bt["parentLevel"] == "ORGANIZATION");
  CHECK(f.call("POST", "/telephony/config/lists/locations/" + f.location_id("HQ") +
                           "/devices/dynamicSettings/actions/getSettings/invoke")
            .status == 400);

  f.control(
      "PUT", "/_emulator/locations/HQ/dynamicSettings",
      {{"tags",
        json::array(
            {{{"familyOrModelDisplayName", "Cisco 9800"}, {"tag", "%ENABLE_BLUETOOTH%"}, {"value", "1"}}})}});
  CHECK(tag_of(f.call("POST", location_read(f, "HQ")).body, "%ENABLE_BLUETOOTH%")["value"] == "1");
  auto device = f.call("POST", device_read(f, "001B54AA0004"));
  REQUIRE(device.status == 200);
  CHECK_FALSE(device.body.contains("updateInProgress"));
  bt = tag_of(device.body, "%ENABLE_BLUETOOTH%");
  CHECK_FALSE(bt.contains("value"));
  CHECK(bt["parentValue"] == "1");
  CHECK(bt["parentLevel"] == "LOCATION");
  auto brightness = tag_of(device.body, "%SCREEN_BRIGHTNESS%");  // seeded on the device
  CHECK(brightness["value"] == "8");
  CHECK(brightness["parentLevel"] == "SYSTEM_DEFAULT");
  CHECK(tag_of(device.body, "%ADMIN_PASSWORD%").is_null());  // not a device-level tag
  CHECK(tag_of(device.body, "%RINGER_VOLUME%")["familyOrModelDisplayName"] == "Cisco 9800");

  // An MPP phone does not use dynamic settings.
  CHECK(f.call("POST", device_read(f, "001B54AA0001")).status == 400);
}

TEST_CASE("device dynamic PUT: SET/CLEAR and aliases, validation 400s naming the tag, PhoneOS refusal") {
  SettingsFixture f;
  const auto put = device_put(f, "001B54AA0004");
  CHECK(
      f.call("PUT", put,
             {{"tags", json::array({set("%RINGER_VOLUME%", "12"), set("%PHONE_LANGUAGE%", "de_DE", "ADD")})}})
          .status == 204);
  auto read = f.call("POST", device_read(f, "001B54AA0004"));
  CHECK(tag_of(read.body, "%RINGER_VOLUME%")["value"] == "12");
  CHECK(tag_of(read.body, "%PHONE_LANGUAGE%")["value"] == "de_DE");
  CHECK(f.call("PUT", put, {{"tags", json::array({{{"tag", "%RINGER_VOLUME%"}, {"action", "CLEAR"}}})}})
            .status == 204);
  CHECK(f.call("PUT", put, {{"tags", json::array({{{"tag", "%SCREEN_BRIGHTNESS%"}, {"action", "DELETE"}}})}})
            .status == 204);
  read = f.call("POST", device_read(f, "001B54AA0004"));
  CHECK_FALSE(tag_of(read.body, "%RINGER_VOLUME%").contains("value"));
  CHECK_FALSE(tag_of(read.body, "%SCREEN_BRIGHTNESS%").contains("value"));
  CHECK(f.call("PUT", put, json::object()).status == 204);  // no tags: no-op

  auto bad = [&](json item) { return f.call("PUT", put, {{"tags", json::array({std::move(item)})}}); };
  auto range = bad(set("%RINGER_VOLUME%", "16"));
  CHECK(range.status == 400);
  CHECK(range.body["message"].get<std::string>().find("%RINGER_VOLUME%") != std::string::npos);
  CHECK(bad(set("%ENABLE_BLUETOOTH%", "yes")).status == 400);                    // not in values
  CHECK(bad(set("%WALLPAPER_URL%", "ftp://x")).status == 400);                   // regex
  CHECK(bad(set("%SCREEN_TIMEOUT%", "1.5")).status == 400);                      // integer
  CHECK(bad(set("%ADMIN_PASSWORD%", "secret")).status == 400);                   // level has no device
  CHECK(bad(set("%NOPE%", "1")).status == 400);                                  // unknown tag
  CHECK(bad(set("%G711U_ORDER%", "1")).status == 400);                           // another family's tag
  CHECK(bad({{"tag", "%ENABLE_BLUETOOTH%"}, {"action", "SET"}}).status == 400);  // SET without value
  CHECK(bad(set("%ENABLE_BLUETOOTH%", "1", "TOGGLE")).status == 400);
  // A 400 writes nothing, even for the valid entries before the bad one.
  CHECK(f.call("PUT", put,
               {{"tags", json::array({set("%ENABLE_BLUETOOTH%", "0"), set("%RINGER_VOLUME%", "99")})}})
            .status == 400);
  CHECK_FALSE(
      tag_of(f.call("POST", device_read(f, "001B54AA0004")).body, "%ENABLE_BLUETOOTH%").contains("value"));

  auto refused =
      f.call("PUT", device_put(f, "001B54AA0005"), {{"tags", json::array({set("%ENABLE_BLUETOOTH%", "0")})}});
  CHECK(refused.status == 409);
  CHECK(f.call("PUT", device_put(f, "001B54AA0001"), {{"tags", json::array()}}).status == 400);  // MPP

  // Control edit on the device, shown in the state.
  CHECK(f.control("PUT", "/_emulator/devices/001B54AA0004/dynamicSettings",
                  {{"tags", json::array({{{"tag", "%VLAN_ID%"}, {"value", "100"}}})}})
            .status == 200);
  CHECK(f.device_state("001B54AA0004")["settings"]["dynamicSettings"]["%VLAN_ID%"] == "100");
}

TEST_CASE("dynamicDeviceSettings job: 202, validated per level, applied at completion") {
  SettingsFixture f;
  auto item = [](const std::string& tag, const std::string& value) {
    return json{
        {"familyOrModelDisplayName", "Cisco 9800"}, {"tag", tag}, {"action", "SET"}, {"value", value}};
  };
  CHECK(f.call("POST", kJobs, {{"tags", json::array()}}).status == 400);
  CHECK(f.call("POST", kJobs, {{"tags", json::array({item("%RINGER_VOLUME%", "3")})}}).status ==
        400);  // no org level
  CHECK(f.call("POST", kJobs, {{"tags", json::array({item("%SCREEN_BRIGHTNESS%", "11")})}}).status == 400);
  auto posted =
      f.call("POST", kJobs, {{"locationId", ""}, {"tags", json::array({item("%SCREEN_BRIGHTNESS%", "5")})}});
  REQUIRE(posted.status == 202);
  CHECK(posted.body["name"] == "dynamicdevicesettings");
  CHECK(posted.body["target"] == "CUSTOMER");
  CHECK(posted.body["locationId"] == "");
  CHECK_FALSE(posted.body.contains("locationName"));
  auto read = [&] {
    return tag_of(f.call("POST", kOrgRead + "?familyOrModelDisplayName=Cisco%209800").body,
                  "%SCREEN_BRIGHTNESS%");
  };
  f.advance(2);
  CHECK_FALSE(read().contains("value"));
  CHECK(f.call("POST", kOrgRead + "?familyOrModelDisplayName=Cisco%209800").body["updateInProgress"] == true);
  f.advance(30);
  auto done = f.get(f.job_path("dynamicDeviceSettings", posted));
  CHECK(done.body["latestExecutionStatus"] == "COMPLETED");
  CHECK(done.body["latestExecutionExitCode"] == "COMPLETED_WITH_ERRORS");  // the never-online 9861
  CHECK(done.body["jobExecutionStatus"][0]["stepExecutionStatuses"][0]["name"] ==
        "dynamicdevicesettingsUpdate");
  CHECK(read()["value"] == "5");
  auto device = tag_of(f.call("POST", device_read(f, "001B54AA0004")).body, "%SCREEN_TIMEOUT%");
  CHECK(device["parentLevel"] == "SYSTEM_DEFAULT");

  // Location job: LOCATION + locationName; RINGER_VOLUME is allowed there; CLEAR removes.
  auto hq = f.location_id("HQ");
  auto at_hq =
      f.call("POST", kJobs, {{"locationId", hq}, {"tags", json::array({item("%RINGER_VOLUME%", "3")})}});
  REQUIRE(at_hq.status == 202);
  CHECK(at_hq.body["target"] == "LOCATION");
  CHECK(at_hq.body["locationName"] == "HQ");
  f.advance(30);
  auto ringer = tag_of(f.call("POST", device_read(f, "001B54AA0004")).body, "%RINGER_VOLUME%");
  CHECK(ringer["parentValue"] == "3");
  CHECK(ringer["parentLevel"] == "LOCATION");
  json clear = {
      {"familyOrModelDisplayName", "Cisco 9800"}, {"tag", "%SCREEN_BRIGHTNESS%"}, {"action", "CLEAR"}};
  REQUIRE(f.call("POST", kJobs, {{"tags", json::array({clear})}}).status == 202);
  f.advance(30);
  CHECK_FALSE(read().contains("value"));
  CHECK(f.get(kJobs).body["items"].size() == 3);
}
