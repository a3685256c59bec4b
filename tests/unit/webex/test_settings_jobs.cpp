#include <doctest/doctest.h>

#include <atomic>
#include <mutex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::JobFamily;
using wx::webex_test::LocalServer;

namespace {

constexpr const char* kJobs = "/v1/telephony/config/jobs/devices/";

// Trimmed from the 200 example of POST .../callDeviceSettings.
const char* kCallSettingsJob = R"({"name":"calldevicesettings","id":"CJ1","jobType":"calldevicesettings",
  "trackingId":"NA_1","instanceId":0,"jobExecutionStatus":[{"id":0,"statusMessage":"STARTING","exitCode":"UNKNOWN",
  "stepExecutionStatuses":[]}],"latestExecutionStatus":"STARTING","latestExecutionExitCode":"UNKNOWN",
  "target":"LOCATION","locationId":"L1","locationName":"HQ","locationCustomizationsEnabled":true,
  "percentageComplete":0,"deviceCount":7})";

struct Captured {
  std::mutex mutex;
  std::string body;
  std::atomic<int> posts{0};
};

}  // namespace

TEST_CASE("callDeviceSettings: location body, 200 with the job") {
  LocalServer srv;
  Captured cap;
  srv.server.Post(std::string(kJobs) + "callDeviceSettings",
                  [&](const httplib::Request& req, httplib::Response& res) {
                    std::lock_guard lock(cap.mutex);
                    cap.body = req.body;
                    ++cap.posts;
                    res.set_content(kCallSettingsJob, "application/json");
                  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::DeviceSettingsJobRequest r;
  r.location_id = "L1";
  r.location_customizations_enabled = true;
  r.customizations = json{{"mpp", {{"backlightTimer", "ONE_MIN"}}}};
  auto job = api->start_device_settings_job(r);
  CHECK(json::parse(cap.body) == json{{"locationId", "L1"},
                                      {"locationCustomizationsEnabled", true},
                                      {"customizations", {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}}});
  CHECK(job.id == "CJ1");
  CHECK(job.name == "calldevicesettings");
  CHECK(job.latest_execution_status == "STARTING");
  CHECK(job.device_count == std::optional<int>(7));

  // Resetting a location to the org settings sends no customizations.
  r.location_customizations_enabled = false;
  api->start_device_settings_job(r);
  CHECK(json::parse(cap.body) == json{{"locationId", "L1"}, {"locationCustomizationsEnabled", false}});

  // The org: no locationId, no locationCustomizationsEnabled.
  wx::DeviceSettingsJobRequest org;
  org.location_customizations_enabled = true;  // ignored for the org
  org.customizations = json{{"dect", {{"x", 1}}}};
  api->start_device_settings_job(org);
  CHECK(json::parse(cap.body) == json{{"customizations", {{"dect", {{"x", 1}}}}}});
  CHECK(cap.posts == 3);
}

TEST_CASE("dynamicDeviceSettings: org body without locationId, SET/CLEAR with the family, 202") {
  LocalServer srv;
  Captured cap;
  srv.server.Post(
      std::string(kJobs) + "dynamicDeviceSettings", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(cap.mutex);
        cap.body = req.body;
        res.status = 202;
        res.set_content(R"({"name":"dynamicdevicesettings","id":"DJ1","latestExecutionStatus":"STARTED",
      "latestExecutionExitCode":"UNKNOWN","target":"CUSTOMER","locationId":"","percentageComplete":0})",
                        "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::DynamicSettingsJobRequest r;
  r.tags = {{"Poly", "%DO_MENU_TITLE_BACKGROUND%", std::nullopt}, {"Poly", "%ENABLE_BLUETOOTH%", "1"}};
  auto job = api->start_dynamic_settings_job(r);
  CHECK(job.id == "DJ1");
  CHECK(json::parse(cap.body) == json::parse(R"({"tags":[
    {"familyOrModelDisplayName":"Poly","tag":"%DO_MENU_TITLE_BACKGROUND%","action":"CLEAR"},
    {"familyOrModelDisplayName":"Poly","tag":"%ENABLE_BLUETOOTH%","action":"SET","value":"1"}]})"));
  r.location_id = "L1";
  api->start_dynamic_settings_job(r);
  CHECK(json::parse(cap.body)["locationId"] == "L1");
  CHECK_THROWS_AS(api->start_dynamic_settings_job(wx::DynamicSettingsJobRequest{}), std::invalid_argument);
}

TEST_CASE("rebuildPhones: {locationId}, 202") {
  LocalServer srv;
  Captured cap;
  srv.server.Post(
      std::string(kJobs) + "rebuildPhones", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(cap.mutex);
        cap.body = req.body;
        res.status = 202;
        res.set_content(
            R"({"name":"rebuildphones","id":"RJ1","latestExecutionStatus":"STARTED","target":"LOCATION",
      "deviceCount":3,"percentageComplete":0})",
            "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto job = api->start_rebuild_phones_job("L/1");
  CHECK(json::parse(cap.body) == json{{"locationId", "L/1"}});
  CHECK(job.id == "RJ1");
  CHECK(job.device_count == std::optional<int>(3));
  CHECK_THROWS_AS(api->start_rebuild_phones_job(""), std::invalid_argument);
}

TEST_CASE("every job start: a 409 passes through after one POST") {
  for (const char* family : {"callDeviceSettings", "dynamicDeviceSettings", "rebuildPhones"}) {
    CAPTURE(family);
    LocalServer srv;
    std::atomic<int> posts{0};
    std::atomic<int> lists{0};
    srv.server.Post(std::string(kJobs) + family, [&](const httplib::Request&, httplib::Response& res) {
      ++posts;
      res.status = 409;
      res.set_content(
          R"({"message":"Another job is in progress","errors":[{"description":"busy","errorCode":4410}],
        "trackingId":"T"})",
          "application/json");
    });
    srv.server.Get(std::string(kJobs) + family, [&](const httplib::Request&, httplib::Response& res) {
      ++lists;
      res.set_content(R"({"items":[{"id":"OTHER","latestExecutionStatus":"STARTED"}]})", "application/json");
    });
    srv.start();
    auto api = wx::make_http_webex_api(srv.config());
    try {
      if (std::string(family) == "callDeviceSettings") {
        api->start_device_settings_job({});
      } else if (std::string(family) == "dynamicDeviceSettings") {
        api->start_dynamic_settings_job({"", {{"Poly", "%T%", "1"}}});
      } else {
        api->start_rebuild_phones_job("L1");
      }
      FAIL("expected ApiError");
    } catch (const wx::ApiError& e) {
      CHECK(e.status() == 409);
    }
    CHECK(posts == 1);
    CHECK(lists == 0);  // a 409 is not an unknown outcome: never adopt another job
  }
}

TEST_CASE("job start with an unknown outcome (5xx) adopts the single running job, with one POST") {
  LocalServer srv;
  std::atomic<int> posts{0};
  std::string list_target;
  srv.server.Post(std::string(kJobs) + "rebuildPhones", [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 504;
  });
  srv.server.Get(std::string(kJobs) + "rebuildPhones",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   list_target = req.target;
                   res.set_content(R"({"items":[{"id":"OLD","latestExecutionStatus":"COMPLETED"},
      {"id":"MINE","latestExecutionStatus":"STARTED","latestExecutionExitCode":"UNKNOWN"}]})",
                                   "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto job = api->start_rebuild_phones_job("L1");
  CHECK(job.id == "MINE");
  CHECK(posts == 1);
  CHECK(list_target == std::string(kJobs) + "rebuildPhones");
}

TEST_CASE("job start with an unknown outcome and no running job throws the original error") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(std::string(kJobs) + "dynamicDeviceSettings",
                  [&](const httplib::Request&, httplib::Response& res) {
                    ++posts;
                    res.status = 500;
                  });
  srv.server.Get(
      std::string(kJobs) + "dynamicDeviceSettings", [&](const httplib::Request& req, httplib::Response& res) {
        CHECK(req.get_param_value("max") == "2000");
        res.set_content(R"({"items":[{"id":"OLD","latestExecutionStatus":"FAILED"}]})", "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  try {
    api->start_dynamic_settings_job({"", {{"Poly", "%T%", "1"}}});
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 500);
  }
  CHECK(posts == 1);
}

TEST_CASE("job start answered 2xx with an empty body adopts the running callDeviceSettings job") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(std::string(kJobs) + "callDeviceSettings",
                  [&](const httplib::Request&, httplib::Response& res) {
                    ++posts;
                    res.status = 200;
                  });
  srv.server.Get(
      std::string(kJobs) + "callDeviceSettings", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(R"({"items":[)") + kCallSettingsJob + "]}", "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto job = api->start_device_settings_job({});
  CHECK(job.id == "CJ1");
  CHECK(posts == 1);
}

TEST_CASE("job start with two running jobs of the family cannot tell which is ours: an error") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(std::string(kJobs) + "rebuildPhones", [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 202;
  });
  srv.server.Get(std::string(kJobs) + "rebuildPhones", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        R"({"items":[{"id":"A","latestExecutionStatus":"STARTED"},{"id":"B","latestExecutionStatus":"STARTING"}]})",
        "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_THROWS_AS(api->start_rebuild_phones_job("L1"), wx::ApiError);
  CHECK(posts == 1);
}

TEST_CASE("get and errors work for the new families") {
  LocalServer srv;
  std::mutex mutex;
  std::vector<std::string> targets;
  srv.server.Get(R"(/v1/telephony/config/jobs/devices/(\w+)/([^/]+))",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   std::lock_guard lock(mutex);
                   targets.push_back(req.target);
                   res.set_content(kCallSettingsJob, "application/json");
                 });
  srv.server.Get(R"(/v1/telephony/config/jobs/devices/(\w+)/([^/]+)/errors)", [&](const httplib::Request& req,
                                                                                  httplib::Response& res) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    res.set_content(R"({"items":[{"itemNumber":0,"trackingId":"T","errorType":"ERROR","error":{"key":"500",
      "message":[{"description":"Unable to trigger device settings override process.","code":null}]}}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK(api->get_device_job(JobFamily::CallDeviceSettings, "CJ1").device_count == std::optional<int>(7));
  auto errors = api->list_device_job_errors(JobFamily::RebuildPhones, "RJ1");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].messages ==
        std::vector<std::string>{"Unable to trigger device settings override process."});
  api->list_device_job_errors(JobFamily::CallDeviceSettings, "CJ1");
  REQUIRE(targets.size() == 3);
  CHECK(targets[0] == "/v1/telephony/config/jobs/devices/callDeviceSettings/CJ1");
  CHECK(targets[1] == "/v1/telephony/config/jobs/devices/rebuildPhones/RJ1/errors");
  CHECK(targets[2] == "/v1/telephony/config/jobs/devices/callDeviceSettings/CJ1/errors?max=2000");
}
