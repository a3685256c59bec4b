#include <doctest/doctest.h>

#include <mutex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::ConfigurationPatch;
using wx::webex_test::LocalServer;

namespace {

// Trimmed from the GET example of /deviceConfigurations: `editable` there, `isEditable` in the schema.
const char* kConfigurations = R"({"deviceId":"D1","items":{
  "Audio.Ultrasound.MaxVolume":{"value":70,"source":"default","sources":{
     "default":{"value":70,"editability":{"isEditable":false,"reason":"FACTORY_DEFAULT"},"level":"x"},
     "configured":{"value":null,"editability":{"isEditable":true}}},"valueSpace":{"type":"integer","maximum":100,"minimum":0}},
  "Conference.MaxReceiveCallRate":{"value":786,"source":"configured","sources":{
     "default":{"value":6000,"editability":{"editable":false,"reason":"FACTORY_DEFAULT"}},
     "configured":{"value":786,"editability":{"editable":true},"enforced":false}},
     "valueSpace":{"type":"integer","maximum":6000,"minimum":64}},
  "FacilityService.Service[1].Name":{"value":"Live Support","source":"default","sources":{
     "default":{"value":"Live Support"},
     "configured":{"value":null,"editability":{"isEditable":false,"reason":"CONFIG_MANAGED_BY_DIFFERENT_AUTHORITY"}}},
     "valueSpace":{"type":"string","maxLength":1024,"minLength":0}},
  "Broken":"not an object"}})";

}  // namespace

TEST_CASE("deviceConfigurations GET: one call per key, brackets percent-encoded, items parsed") {
  LocalServer srv;
  std::mutex mutex;
  std::vector<std::string> targets;
  srv.server.Get("/v1/deviceConfigurations", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    res.set_content(kConfigurations, "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto all = api->get_device_configurations("D/1", {});
  REQUIRE(targets.size() == 1);
  CHECK(targets[0] == "/v1/deviceConfigurations?deviceId=D%2F1");
  REQUIRE(all.size() == 3);

  const auto& volume = all.at("Audio.Ultrasound.MaxVolume");
  CHECK(volume.value == 70);
  CHECK(volume.source == "default");
  CHECK(volume.configured.is_null());
  CHECK(volume.default_value == 70);
  CHECK(volume.editable);
  CHECK(volume.value_space == json{{"type", "integer"}, {"maximum", 100}, {"minimum", 0}});

  const auto& rate = all.at("Conference.MaxReceiveCallRate");
  CHECK(rate.source == "configured");
  CHECK(rate.configured == 786);
  CHECK(rate.default_value == 6000);
  CHECK(rate.editable);

  const auto& name = all.at("FacilityService.Service[1].Name");
  CHECK_FALSE(name.editable);
  CHECK(name.not_editable_reason == "CONFIG_MANAGED_BY_DIFFERENT_AUTHORITY");

  api->get_device_configurations("D1", {"FacilityService.Service[1].Name", "Audio.Ultrasound.*"});
  REQUIRE(targets.size() == 3);
  CHECK(targets[1] == "/v1/deviceConfigurations?deviceId=D1&key=FacilityService.Service%5B1%5D.Name");
  CHECK(targets[2] == "/v1/deviceConfigurations?deviceId=D1&key=Audio.Ultrasound.%2A");
}

TEST_CASE("deviceConfigurations GET without items object is an empty map; a non-object is an ApiError") {
  LocalServer srv;
  srv.server.Get("/v1/deviceConfigurations", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.get_param_value("deviceId") == "OK" ? R"({"deviceId":"OK"})" : "[]",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK(api->get_device_configurations("OK", {}).empty());
  CHECK_THROWS_AS(api->get_device_configurations("BAD", {}), wx::ApiError);
}

TEST_CASE("deviceConfigurations PATCH: json-patch content type, array body, 201 and 200 both accepted") {
  LocalServer srv;
  std::mutex mutex;
  std::vector<std::string> targets;
  std::string content_type;
  std::string body;
  int status = 201;
  srv.server.Patch("/v1/deviceConfigurations", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    content_type = req.get_header_value("Content-Type");
    body = req.body;
    res.status = status;
    res.set_content(kConfigurations, "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  std::vector<ConfigurationPatch> patch{
      {ConfigurationPatch::Op::Replace, "Audio.Ultrasound.MaxVolume", 50},
      {ConfigurationPatch::Op::Remove, "Conference.MaxReceiveCallRate", nullptr}};
  api->patch_device_configurations("D=1", patch);
  REQUIRE(targets.size() == 1);
  CHECK(targets[0] == "/v1/deviceConfigurations?deviceId=D%3D1");
  CHECK(content_type == "application/json-patch+json");
  CHECK(json::parse(body) == json::parse(R"([
    {"op":"replace","path":"Audio.Ultrasound.MaxVolume/sources/configured/value","value":50},
    {"op":"remove","path":"Conference.MaxReceiveCallRate/sources/configured/value"}])"));
  status = 200;
  CHECK_NOTHROW(api->patch_device_configurations("D=1", patch));
  api->patch_device_configurations("D=1", {});
  CHECK(targets.size() == 2);  // an empty patch sends nothing
}

TEST_CASE("deviceConfigurations PATCH refused with 400 reaches the caller") {
  LocalServer srv;
  srv.server.Patch("/v1/deviceConfigurations", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 400;
    res.set_content(R"({"message":"Value out of range","errors":[{"description":"Value out of range"}],
      "trackingId":"T"})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  try {
    api->patch_device_configurations("D1", {{ConfigurationPatch::Op::Replace, "A.B", 999}});
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 400);
    CHECK(e.method() == "PATCH");
  }
}

TEST_CASE("orgId goes only where the operation declares it") {
  LocalServer srv;
  std::mutex mutex;
  std::vector<std::string> targets;
  auto record = [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    res.set_content(kConfigurations, "application/json");
  };
  srv.server.Get("/v1/deviceConfigurations", record);
  srv.server.Patch("/v1/deviceConfigurations", record);
  srv.server.Get(R"(/v1/telephony/config/jobs/devices/(\w+)/J1)", record);
  srv.start();
  auto config = srv.config();
  config.org_id = "ORG1";
  auto api = wx::make_http_webex_api(config);
  api->get_device_configurations("D1", {"A.B"});
  api->patch_device_configurations("D1", {{ConfigurationPatch::Op::Remove, "A.B", nullptr}});
  api->get_device_job(wx::JobFamily::CallDeviceSettings, "J1");
  api->get_device_job(wx::JobFamily::DynamicDeviceSettings, "J1");
  api->get_device_job(wx::JobFamily::RebuildPhones, "J1");
  REQUIRE(targets.size() == 5);
  CHECK(targets[0] == "/v1/deviceConfigurations?deviceId=D1&key=A.B");
  CHECK(targets[1] == "/v1/deviceConfigurations?deviceId=D1");
  CHECK(targets[2] == "/v1/telephony/config/jobs/devices/callDeviceSettings/J1");
  CHECK(targets[3] == "/v1/telephony/config/jobs/devices/dynamicDeviceSettings/J1");
  CHECK(targets[4] == "/v1/telephony/config/jobs/devices/rebuildPhones/J1?orgId=ORG1");
}
