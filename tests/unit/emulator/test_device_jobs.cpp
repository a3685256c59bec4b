#include <doctest/doctest.h>

#include <set>

#include "emulator/jobs.h"
#include "emulator/layout_fixture.h"

using nlohmann::json;
using wx::emulator::test::kem;
using wx::emulator::test::key;
using wx::emulator::test::LayoutFixture;
using wx::emulator::test::speed_dial;

namespace {

const std::string kJobs = "/telephony/config/jobs/devices/applyLineKeyTemplate";
const std::string kPreview = "/telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke";

const json kTemplateKeys =
    json::array({key(1, "PRIMARY_LINE"), speed_dial(2, "Help", "3568"), key(3, "MONITOR")});

int preview(LayoutFixture& f, json body) {
  auto r = f.call("POST", kPreview, body);
  REQUIRE(r.status == 200);
  return r.body["deviceCount"].get<int>();
}

std::string location_id(LayoutFixture& f, const std::string& name) {
  return f.get("/locations?name=" + name).body["items"][0]["id"].get<std::string>();
}

}  // namespace

TEST_CASE("apply selection: model, locations, include/exclude tags, custom layouts; preview == job") {
  LayoutFixture f;
  auto tmpl = f.create_template("Sales", "DMS Cisco 8851", kTemplateKeys);
  REQUIRE_FALSE(tmpl.empty());
  json base = {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}};
  CHECK(preview(f, base) == 3);  // the three 8851s; not the 7841 nor the 9861
  auto with = [&](const char* field, json value) {
    auto b = base;
    b[field] = std::move(value);
    return b;
  };
  CHECK(preview(f, with("locationIds", json::array({location_id(f, "Branch")}))) == 1);
  CHECK(preview(f, with("locationIds", json::array())) == 3);  // empty = whole org
  CHECK(preview(f, with("includeDeviceTags", json::array({"sales"}))) == 3);
  CHECK(preview(f, with("includeDeviceTags", json::array({"sales", "admin"}))) == 1);  // ALL of them
  CHECK(preview(f, with("excludeDeviceTags", json::array({"admin", "nope"}))) == 2);   // NONE of them
  REQUIRE(f.put_layout("001B54AA0003",
                       {{"layoutMode", "CUSTOM"}, {"lineKeys", json::array({key(1, "PRIMARY_LINE")})}})
              .status == 204);
  CHECK(preview(f, with("excludeDevicesWithCustomLayout", true)) == 2);
  CHECK(preview(f, with("excludeDevicesWithCustomLayout", false)) == 3);
  // Every phone model that allows layouts: 3 x 8851, 7841, 9861.
  CHECK(preview(f, {{"action", "APPLY_DEFAULT_TEMPLATES"}}) == 5);

  CHECK(f.call("POST", kPreview, {{"action", "APPLY_TEMPLATE"}}).status == 400);
  CHECK(f.call("POST", kPreview, {{"action", "NOPE"}}).status == 400);
  CHECK(f.call("POST", kPreview, {{"action", "APPLY_TEMPLATE"}, {"templateId", "bogus"}}).status == 404);
  CHECK(f.call("POST", kPreview, with("locationIds", json::array({"bogus"}))).status == 400);
  CHECK(f.call("POST", kPreview, with("includeDeviceTags", "sales")).status == 400);
  CHECK(f.call("POST", kPreview, with("advisoryTypes", json{{"moreMonitorAppearancesEnabled", "true"}}))
            .status == 400);

  // The job selects the same devices as the preview.
  auto job = f.call("POST", kJobs, with("excludeDeviceTags", json::array({"admin"})));
  REQUIRE(job.status == 202);
  f.advance(30);
  auto done = f.get(kJobs + "/" + job.body["id"].get<std::string>());
  CHECK(done.body["updatedCount"] == 2);
}

TEST_CASE("apply job: STARTING -> STARTED with growing percentage -> COMPLETED; layouts applied, KEM kept") {
  LayoutFixture f;
  auto tmpl = f.create_template("Sales", "DMS Cisco 8851", kTemplateKeys, true);
  json kem_layout = {{"layoutMode", "CUSTOM"},
                     {"lineKeys", json::array({key(1, "PRIMARY_LINE")})},
                     {"kemModuleType", "KEM_18_KEYS"},
                     {"kemKeys", json::array({kem(1, 2, "MONITOR")})}};
  REQUIRE(f.put_layout("001B54AA0001", kem_layout).status == 204);

  auto posted = f.call("POST", kJobs, {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}});
  REQUIRE(posted.status == 202);
  const auto& j = posted.body;
  CHECK(j["name"] == "applyphonelinekeytemplates");
  CHECK(j["latestExecutionStatus"] == "STARTING");
  CHECK(j["latestExecutionExitCode"] == "UNKNOWN");
  CHECK(j["percentageComplete"] == 0);
  CHECK(j["updatedCount"] == 0);
  CHECK(j["advisoryCount"] == 0);
  CHECK(j["jobExecutionStatus"][0]["createdTime"].is_string());
  const auto id = j["id"].get<std::string>();
  // Nothing applied yet.
  CHECK(f.layout("001B54AA0002").body["layoutMode"] == "DEFAULT");

  // 1 s STARTING, then 3 devices over max(4 s, 3 x 1 s): one device every 4/3 s.
  f.advance(1.1);
  auto r = f.get(kJobs + "/" + id);
  CHECK(r.body["latestExecutionStatus"] == "STARTED");
  CHECK(r.body["jobExecutionStatus"][0]["startTime"].is_string());
  CHECK(r.body["jobExecutionStatus"][0]["stepExecutionStatuses"][0]["name"] ==
        "applyphonelinekeytemplatesProcess");
  f.advance(1.5);
  r = f.get(kJobs + "/" + id);
  CHECK(r.body["percentageComplete"] == 33);
  CHECK(r.body["updatedCount"] == 1);
  f.advance(1.4);
  r = f.get(kJobs + "/" + id);
  CHECK(r.body["latestExecutionStatus"] == "STARTED");
  CHECK(r.body["percentageComplete"] == 66);
  f.advance(1.2);
  r = f.get(kJobs + "/" + id);
  CHECK(r.body["latestExecutionStatus"] == "COMPLETED");
  CHECK(r.body["latestExecutionExitCode"] == "COMPLETED");
  CHECK(r.body["percentageComplete"] == 100);
  CHECK(r.body["updatedCount"] == 3);
  const auto& exec = r.body["jobExecutionStatus"][0];
  CHECK(exec["statusMessage"] == "COMPLETED");
  CHECK(exec["endTime"].is_string());
  CHECK(exec["timeElapsed"] == "PT4S");
  CHECK(exec["stepExecutionStatuses"][0]["exitCode"] == "COMPLETED");

  auto kept = f.layout("001B54AA0001").body;
  CHECK(kept["layoutMode"] == "CUSTOM");
  CHECK(kept["userReorderEnabled"] == true);
  CHECK(kept["lineKeys"] == kTemplateKeys);
  CHECK(kept["kemModuleType"] == "KEM_18_KEYS");
  CHECK(kept["kemKeys"][1] == kem(1, 2, "MONITOR"));
  CHECK(f.layout("001B54AA0003").body["lineKeys"] == kTemplateKeys);
  CHECK(f.layout("001B54AA0004").body["layoutMode"] == "DEFAULT");  // the 7841 is not selected

  auto list = f.get(kJobs);
  REQUIRE(list.body["items"].size() == 1);
  CHECK(list.body["items"][0]["id"] == id);
  CHECK(f.get(kJobs + "/" + id + "/errors").body == json{{"items", json::array()}});
  CHECK(f.get(kJobs + "/Y2lzY29zcGFyazovL3VzL0pPQl9JRC9ub3Bl").status == 404);

  // APPLY_DEFAULT_TEMPLATES returns the phones to DEFAULT (KEM keys included).
  REQUIRE(f.call("POST", kJobs, {{"action", "APPLY_DEFAULT_TEMPLATES"}}).status == 202);
  f.advance(60);
  CHECK(f.layout("001B54AA0001").body == json{{"layoutMode", "DEFAULT"}});
  CHECK(f.get(kJobs).body["items"].size() == 2);
}

TEST_CASE("apply job: one device job per org, a second POST while one runs is a 409") {
  LayoutFixture f;
  auto tmpl = f.create_template("Sales", "DMS Cisco 8851", kTemplateKeys);
  json body = {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}};
  REQUIRE(f.call("POST", kJobs, body).status == 202);
  f.advance(2);
  auto second = f.call("POST", kJobs, body);
  CHECK(second.status == 409);
  CHECK(second.body["trackingId"].is_string());
  CHECK(f.get(kJobs).body["items"].size() == 1);
  f.advance(10);
  CHECK(f.call("POST", kJobs, body).status == 202);
}

TEST_CASE(
    "apply job: failing devices keep their layout and are listed in /errors with their own trackingId") {
  LayoutFixture f;
  auto tmpl = f.create_template("Sales", "DMS Cisco 8851", kTemplateKeys);
  auto r = f.control("POST", "/_emulator/devices/001B54AA0002/jobFailure",
                     {{"status", 500}, {"description", "Unable to apply the template."}});
  REQUIRE(r.status == 200);
  CHECK(r.body["jobFailure"]["status"] == 500);
  REQUIRE(f.control("PATCH", "/_emulator/devices/001B54AA0003",
                    {{"jobFailure", {{"status", 404}, {"description", "gone"}, {"code", "BATCH-0"}}}})
              .status == 200);
  CHECK(f.control("POST", "/_emulator/devices/001B54AA0001/jobFailure", {{"status", 200}}).status == 400);

  auto posted = f.call("POST", kJobs, {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}});
  REQUIRE(posted.status == 202);
  const auto id = posted.body["id"].get<std::string>();
  f.advance(30);
  auto job = f.get(kJobs + "/" + id).body;
  CHECK(job["latestExecutionStatus"] == "COMPLETED");
  CHECK(job["latestExecutionExitCode"] == "COMPLETED_WITH_ERRORS");
  CHECK(job["updatedCount"] == 1);
  CHECK(f.layout("001B54AA0001").body["layoutMode"] == "CUSTOM");
  CHECK(f.layout("001B54AA0002").body["layoutMode"] == "DEFAULT");
  CHECK(f.layout("001B54AA0003").body["layoutMode"] == "DEFAULT");

  auto errors = f.get(kJobs + "/" + id + "/errors");
  REQUIRE(errors.status == 200);
  const auto& items = errors.body["items"];
  REQUIRE(items.size() == 2);
  std::set<std::string> tracking;
  for (std::size_t i = 0; i < items.size(); ++i) {
    CHECK(items[i]["itemNumber"] == i);
    CHECK(items[i]["errorType"] == "ERROR");
    tracking.insert(items[i]["trackingId"].get<std::string>());
  }
  CHECK(tracking.size() == 2);
  CHECK_FALSE(items[0].contains("item"));  // no description's example shows it (WEBEX_API §14)
  CHECK(items[0]["error"]["key"] == "500");
  CHECK(items[0]["error"]["message"][0]["description"] == "Unable to apply the template.");
  CHECK(items[0]["error"]["message"][0]["code"].is_null());
  CHECK(items[0]["error"]["message"][0]["locationId"] == location_id(f, "HQ"));
  CHECK(items[1]["error"]["key"] == "404");
  CHECK(items[1]["error"]["message"][0]["code"] == "BATCH-0");
  auto state = f.control("GET", "/_emulator/state").body;
  REQUIRE(state["jobs"].size() == 1);
  CHECK(state["jobs"][0]["errors"].size() == 2);
  CHECK(state["lineKeyTemplates"].size() == 1);

  // Every device failing makes the job FAILED; clearing a failure lets the device succeed again.
  f.control("POST", "/_emulator/devices/001B54AA0001/jobFailure", json::object());
  auto all_fail = f.call("POST", kJobs, {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}});
  f.advance(30);
  job = f.get(kJobs + "/" + all_fail.body["id"].get<std::string>()).body;
  CHECK(job["latestExecutionStatus"] == "FAILED");
  CHECK(job["latestExecutionExitCode"] == "FAILED");
  CHECK(job["updatedCount"] == 0);
  CHECK(f.control("DELETE", "/_emulator/devices/001B54AA0002/jobFailure").body["jobFailure"].is_null());
  f.control("PATCH", "/_emulator/devices/001B54AA0003", {{"jobFailure", nullptr}});
  auto third = f.call("POST", kJobs, {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}});
  f.advance(30);
  CHECK(f.get(kJobs + "/" + third.body["id"].get<std::string>()).body["updatedCount"] == 2);
}

TEST_CASE("apply job: a PhoneOS phone never online fails in the job with the configuration refusal") {
  LayoutFixture f;
  auto posted = f.call("POST", kJobs, {{"action", "APPLY_DEFAULT_TEMPLATES"}});
  REQUIRE(posted.status == 202);
  f.advance(30);
  const auto id = posted.body["id"].get<std::string>();
  CHECK(f.get(kJobs + "/" + id).body["updatedCount"] == 4);
  auto items = f.get(kJobs + "/" + id + "/errors").body["items"];
  REQUIRE(items.size() == 1);
  CHECK_FALSE(items[0].contains("item"));
  CHECK(items[0]["error"]["key"] == "409");
  CHECK(items[0]["error"]["message"][0]["description"] == "not online yet");
}

TEST_CASE("apply job: an empty selection completes with updatedCount 0") {
  LayoutFixture f;
  auto tmpl = f.create_template("Cheap", "DMS Cisco 6821", json::array({key(1, "PRIMARY_LINE")}));
  auto posted = f.call("POST", kJobs, {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}});
  REQUIRE(posted.status == 202);
  f.advance(5.1);
  auto job = f.get(kJobs + "/" + posted.body["id"].get<std::string>()).body;
  CHECK(job["latestExecutionStatus"] == "COMPLETED");
  CHECK(job["updatedCount"] == 0);
}

TEST_CASE("stats: template, preview and job operations keyed by their OpenAPI templates; preview is a read") {
  LayoutFixture f;
  auto tmpl = f.create_template("Sales", "DMS Cisco 8851", kTemplateKeys);
  auto device = f.device_id("001B54AA0001");
  f.control("POST", "/_emulator/stats/reset");
  f.get("/telephony/config/devices/" + device + "/layout");
  f.call("PUT", "/telephony/config/devices/" + device + "/layout", {{"layoutMode", "DEFAULT"}});
  f.get("/telephony/config/devices/lineKeyTemplates");
  f.get("/telephony/config/devices/lineKeyTemplates/" + tmpl);
  f.call("PUT", "/telephony/config/devices/lineKeyTemplates/" + tmpl, {{"lineKeys", kTemplateKeys}});
  f.call("POST", kPreview, {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}});
  auto job = f.call("POST", kJobs, {{"action", "APPLY_TEMPLATE"}, {"templateId", tmpl}})
                 .body["id"]
                 .get<std::string>();
  f.get(kJobs);
  f.get(kJobs + "/" + job);
  f.get(kJobs + "/" + job + "/errors");
  f.call("DELETE", "/telephony/config/devices/lineKeyTemplates/" + tmpl);
  f.create_template("Other", "DMS Cisco 8851", kTemplateKeys);
  auto stats = f.control("GET", "/_emulator/stats").body;
  CHECK(stats["reads"] ==
        json{{"GET /telephony/config/devices/{deviceId}/layout", 1},
             {"GET /telephony/config/devices/lineKeyTemplates", 1},
             {"GET /telephony/config/devices/lineKeyTemplates/{templateId}", 1},
             {"POST /telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke", 1},
             {"GET /telephony/config/jobs/devices/applyLineKeyTemplate", 1},
             {"GET /telephony/config/jobs/devices/applyLineKeyTemplate/{jobId}", 1},
             {"GET /telephony/config/jobs/devices/applyLineKeyTemplate/{jobId}/errors", 1}});
  CHECK(stats["writes"] == json{{"PUT /telephony/config/devices/{deviceId}/layout", 1},
                                {"PUT /telephony/config/devices/lineKeyTemplates/{templateId}", 1},
                                {"POST /telephony/config/jobs/devices/applyLineKeyTemplate", 1},
                                {"DELETE /telephony/config/devices/lineKeyTemplates/{templateId}", 1},
                                {"POST /telephony/config/devices/lineKeyTemplates", 1}});
  CHECK(stats["totalWrites"] == 5);
}

TEST_CASE("iso_duration: timeElapsed strings") {
  CHECK(wx::emulator::iso_duration(0) == "PT0S");
  CHECK(wx::emulator::iso_duration(11'476) == "PT11.476S");
  CHECK(wx::emulator::iso_duration(4'000) == "PT4S");
  CHECK(wx::emulator::iso_duration(-5) == "PT0S");
}
