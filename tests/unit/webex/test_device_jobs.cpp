#include <doctest/doctest.h>

#include <atomic>
#include <mutex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::JobFamily;
using wx::webex_test::LocalServer;

namespace {

constexpr const char* kApplyJobs = "/v1/telephony/config/jobs/devices/applyLineKeyTemplate";
constexpr const char* kPreview = "/v1/telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke";

// The 202 example of POST .../applyLineKeyTemplate in webex-device.json (trimmed ids).
const char* kStartedJob = R"({"name":"applyphonelinekeytemplates","id":"JOB1","trackingId":"NA_a9ef",
  "sourceUserId":"U","sourceCustomerId":"C","targetCustomerId":"C","instanceId":0,
  "jobExecutionStatus":[{"id":0,"startTime":"2023-07-05T21:36:53.749Z","lastUpdated":"2023-07-05T21:37:06.714Z",
    "statusMessage":"STARTED","exitCode":"UNKNOWN","createdTime":"2023-07-05T21:36:53.551Z",
    "stepExecutionStatuses":[{"id":0,"name":"applyphonelinekeytemplatesProcess","statusMessage":"STARTED",
      "exitCode":"UNKNOWN","timeElapsed":"PT11.476S"}],"timeElapsed":"PT11.476S"}],
  "latestExecutionStatus":"STARTED","latestExecutionExitCode":"UNKNOWN","percentageComplete":10,
  "updatedCount":1,"advisoryCount":0})";

wx::ApplyTemplateRequest apply_request() {
  wx::ApplyTemplateRequest r;
  r.template_id = "T1";
  r.location_ids = {"L1", "L2"};
  r.exclude_devices_with_custom_layout = true;
  r.include_device_tags = {"sales"};
  r.exclude_device_tags = {"admin"};
  return r;
}

const json kExpectedApplyBody = {{"action", "APPLY_TEMPLATE"},     {"templateId", "T1"},
                                 {"locationIds", {"L1", "L2"}},    {"excludeDevicesWithCustomLayout", true},
                                 {"includeDeviceTags", {"sales"}}, {"excludeDeviceTags", {"admin"}}};

}  // namespace

TEST_CASE("preview sends the apply body, returns deviceCount and is retried after a 5xx") {
  LocalServer srv;
  std::atomic<int> posts{0};
  std::mutex mutex;
  std::string sent;
  srv.server.Post(kPreview, [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    sent = req.body;
    if (++posts == 1) {
      res.status = 503;
      return;
    }
    res.set_content(R"({"deviceCount":412})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK(api->preview_apply_line_key_template(apply_request()) == 412);
  CHECK(posts == 2);
  CHECK(json::parse(sent) == kExpectedApplyBody);
}

TEST_CASE("APPLY_DEFAULT_TEMPLATES for the whole org sends neither templateId nor empty lists") {
  LocalServer srv;
  std::string sent;
  srv.server.Post(kPreview, [&](const httplib::Request& req, httplib::Response& res) {
    sent = req.body;
    res.set_content(R"({"deviceCount":7.0})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::ApplyTemplateRequest r;
  r.action = "APPLY_DEFAULT_TEMPLATES";
  CHECK(api->preview_apply_line_key_template(r) == 7);
  CHECK(json::parse(sent) ==
        json{{"action", "APPLY_DEFAULT_TEMPLATES"}, {"excludeDevicesWithCustomLayout", false}});
}

TEST_CASE("a preview without deviceCount is an error, not zero phones") {
  LocalServer srv;
  srv.server.Post(kPreview, [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_THROWS_AS(api->preview_apply_line_key_template(apply_request()), wx::ApiError);
}

TEST_CASE("starting an apply-template job parses the job") {
  LocalServer srv;
  std::string sent;
  srv.server.Post(kApplyJobs, [&](const httplib::Request& req, httplib::Response& res) {
    sent = req.body;
    res.status = 202;
    res.set_content(kStartedJob, "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto job = api->start_apply_line_key_template_job(apply_request());
  CHECK(json::parse(sent) == kExpectedApplyBody);
  CHECK(job.id == "JOB1");
  CHECK(job.name == "applyphonelinekeytemplates");
  CHECK(job.tracking_id == "NA_a9ef");
  CHECK(job.latest_execution_status == "STARTED");
  CHECK(job.latest_execution_exit_code == "UNKNOWN");
  CHECK(job.percentage_complete == 10);
  CHECK(job.updated_count == std::optional<int>(1));
  CHECK(job.advisory_count == std::optional<int>(0));
  CHECK_FALSE(job.device_count.has_value());
  CHECK_FALSE(job.finished());
}

TEST_CASE("a 409 (another device job runs) is thrown at once, never retried") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(kApplyJobs, [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 409;
    res.set_content(R"({"message":"Another job is in progress","errors":[{"description":"Another job is in)"
                    R"( progress","errorCode":4410}],"trackingId":"ROUTER_1"})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  try {
    api->start_apply_line_key_template_job(apply_request());
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 409);
    CHECK(e.method() == "POST");
  }
  CHECK(posts == 1);
}

TEST_CASE("a job start that fails with 5xx is not repeated") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(kApplyJobs, [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 502;
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_THROWS_AS(api->start_apply_line_key_template_job(apply_request()), wx::ApiError);
  CHECK(posts == 1);
}

TEST_CASE("a job start accepted without a body resolves to the running apply-template job") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(kApplyJobs, [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 202;
  });
  srv.server.Get(kApplyJobs, [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"items":[
      {"id":"OLD","latestExecutionStatus":"COMPLETED","latestExecutionExitCode":"COMPLETED","percentageComplete":100},
      {"id":"NEW","latestExecutionStatus":"STARTING","latestExecutionExitCode":"UNKNOWN","percentageComplete":0}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto job = api->start_apply_line_key_template_job(apply_request());
  CHECK(job.id == "NEW");
  CHECK(posts == 1);
}

TEST_CASE("job status: floats, unknown statuses, and the execution list standing in for latest*") {
  LocalServer srv;
  std::string target;
  srv.server.Get(R"(/v1/telephony/config/jobs/devices/(\w+)/(.+))",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   target = req.target;
                   if (req.matches[1] == "applyLineKeyTemplate") {
                     res.set_content(R"({"id":"J/1","latestExecutionStatus":"ABANDONED_NEW",
          "latestExecutionExitCode":"COMPLETED_WITH_ERRORS","percentageComplete":55.0,"updatedCount":3.0,
          "advisoryCount":null})",
                                     "application/json");
                   } else {
                     res.set_content(R"({"id":"J2","jobType":"rebuildphones","deviceCount":4,
          "jobExecutionStatus":[{"statusMessage":"COMPLETED","exitCode":"COMPLETED"}],
          "percentageComplete":"100"})",
                                     "application/json");
                   }
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto a = api->get_device_job(JobFamily::ApplyLineKeyTemplate, "J/1");
  CHECK(target == std::string(kApplyJobs) + "/J%2F1");
  CHECK(a.latest_execution_status == "ABANDONED_NEW");
  CHECK(a.latest_execution_exit_code == "COMPLETED_WITH_ERRORS");
  CHECK(a.percentage_complete == 55);
  CHECK(a.updated_count == std::optional<int>(3));
  CHECK_FALSE(a.advisory_count.has_value());
  CHECK_FALSE(a.finished());

  auto r = api->get_device_job(JobFamily::RebuildPhones, "J2");
  CHECK(target == "/v1/telephony/config/jobs/devices/rebuildPhones/J2");
  CHECK(r.name == "rebuildphones");
  CHECK(r.latest_execution_status == "COMPLETED");
  CHECK(r.latest_execution_exit_code == "COMPLETED");
  CHECK(r.percentage_complete == 100);
  CHECK(r.device_count == std::optional<int>(4));
  CHECK(r.finished());
}

TEST_CASE("job lists: paged families ask for the largest page and follow Link; the others are one object") {
  LocalServer srv;
  std::mutex mutex;
  std::vector<std::string> targets;
  srv.server.Get("/v1/telephony/config/jobs/devices/callDeviceSettings", [&](const httplib::Request& req,
                                                                             httplib::Response& res) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    if (!req.has_param("start")) {
      res.set_header("Link", "<" + srv.base_url() +
                                 "/telephony/config/jobs/devices/callDeviceSettings?start=1&max=2000>;"
                                 " rel=\"next\"");
      res.set_content(R"({"items":[{"id":"C1","latestExecutionStatus":"COMPLETED"}]})", "application/json");
    } else {
      res.set_content(R"({"items":[{"id":"C2","latestExecutionStatus":"STARTED"}]})", "application/json");
    }
  });
  srv.server.Get(kApplyJobs, [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    res.set_content(R"({"items":[{"id":"A1","latestExecutionStatus":"FAILED","jobExecutionStatus":[]}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto calls = api->list_device_jobs(JobFamily::CallDeviceSettings);
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].id == "C1");
  CHECK(calls[1].id == "C2");
  auto applies = api->list_device_jobs(JobFamily::ApplyLineKeyTemplate);
  REQUIRE(applies.size() == 1);
  CHECK(applies[0].finished());
  REQUIRE(targets.size() == 3);
  CHECK(targets[0] == "/v1/telephony/config/jobs/devices/callDeviceSettings?max=2000");
  CHECK(targets[2] == kApplyJobs);
}

TEST_CASE("job errors in the items shape") {
  LocalServer srv;
  std::string target;
  srv.server.Get(R"(/v1/telephony/config/jobs/devices/(\w+)/([^/]+)/errors)",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   target = req.target;
                   res.set_content(R"({"items":[
        {"itemNumber":0,"item":"PHONE-1","trackingId":"NA_1","errorType":"ERROR",
         "error":{"key":"500","message":[{"description":"Unable to apply","code":"LKT-7","locationId":"L1"},
                                         {"description":"second","code":null}]}},
        {"itemNumber":3.0,"trackingId":"NA_2","errorType":"WARN",
         "error":{"key":404,"message":[{"description":null,"code":null,"location":null}]}},
        {"trackingId":"NA_3"}]})",
                                   "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto errors = api->list_device_job_errors(JobFamily::ApplyLineKeyTemplate, "J=1");
  CHECK(target == std::string(kApplyJobs) + "/J%3D1/errors");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].item_number == 0);
  CHECK(errors[0].item == "PHONE-1");
  CHECK(errors[0].tracking_id == "NA_1");
  CHECK(errors[0].error_type == "ERROR");
  CHECK(errors[0].key == "500");
  CHECK(errors[0].messages == std::vector<std::string>{"Unable to apply (LKT-7)", "second"});
  CHECK(errors[1].item_number == 3);
  CHECK(errors[1].key == "404");
  CHECK(errors[1].error_type == "WARN");
  CHECK(errors[1].messages.empty());
  CHECK(errors[2].item_number == 2);  // position when itemNumber is missing
  CHECK(errors[2].tracking_id == "NA_3");
  CHECK(errors[2].key.empty());
}

TEST_CASE("job errors in the OpenAPI's single-object shape") {
  LocalServer srv;
  srv.server.Get(
      std::string(kApplyJobs) + "/J1/errors", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(
            R"({"error":{"key":"500","message":[{"description":null,"code":"BATCH-0","locationId":null}]},
      "trackingId":"NA_b5352f89"})",
            "application/json");
      });
  srv.server.Get(
      std::string(kApplyJobs) + "/J2/errors", [&](const httplib::Request&, httplib::Response& res) {
        // The schema (not its example) puts description and code straight under error.
        res.set_content(R"({"error":{"description":"Device offline","code":"E1"},"trackingId":"NA_2"})",
                        "application/json");
      });
  srv.server.Get(std::string(kApplyJobs) + "/J3/errors",
                 [&](const httplib::Request&, httplib::Response& res) {
                   res.set_content(R"({"items":[]})", "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto one = api->list_device_job_errors(JobFamily::ApplyLineKeyTemplate, "J1");
  REQUIRE(one.size() == 1);
  CHECK(one[0].tracking_id == "NA_b5352f89");
  CHECK(one[0].key == "500");
  CHECK(one[0].messages == std::vector<std::string>{"BATCH-0"});
  auto two = api->list_device_job_errors(JobFamily::ApplyLineKeyTemplate, "J2");
  REQUIRE(two.size() == 1);
  CHECK(two[0].messages == std::vector<std::string>{"Device offline (E1)"});
  CHECK(api->list_device_job_errors(JobFamily::ApplyLineKeyTemplate, "J3").empty());
}

TEST_CASE("errors of a paged job family ask for the largest page") {
  LocalServer srv;
  std::string target;
  srv.server.Get("/v1/telephony/config/jobs/devices/dynamicDeviceSettings/J1/errors",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   target = req.target;
                   res.set_content(R"({"items":[{"itemNumber":0,"trackingId":"T","error":{"key":"400",
          "message":[{"description":"bad tag"}]}}]})",
                                   "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto errors = api->list_device_job_errors(JobFamily::DynamicDeviceSettings, "J1");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].messages == std::vector<std::string>{"bad tag"});
  CHECK(target == "/v1/telephony/config/jobs/devices/dynamicDeviceSettings/J1/errors?max=2000");
}
