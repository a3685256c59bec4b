#include <doctest/doctest.h>

#include <atomic>
#include <mutex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::webex_test::LocalServer;

namespace {

// Captures one request's method, target (path and raw query), content type and body.
struct Seen {
  std::mutex mutex;
  std::string method;
  std::string target;
  std::string content_type;
  std::string body;
  int count = 0;
  void record(const httplib::Request& req) {
    std::lock_guard lock(mutex);
    method = req.method;
    target = req.target;
    content_type = req.get_header_value("Content-Type");
    body = req.body;
    ++count;
  }
};

}  // namespace

TEST_CASE("device customizations: GET sends deviceModel, keeps the families as they are") {
  LocalServer srv;
  Seen seen;
  srv.server.Get(R"(/v1/telephony/config/devices/(.+)/settings)",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.set_content(R"({"customizations":{"mpp":{"pnacEnabled":true,"vlan":{"enabled":false,
                     "value":1},"futureKey":"X"}},"customEnabled":true,"updateInProgress":false,
                     "lastUpdateTime":1651396800000})",
                                   "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto s = api->get_device_customizations("D/1=", "DMS Cisco 8851");
  CHECK(seen.target == "/v1/telephony/config/devices/D%2F1%3D/settings?deviceModel=DMS%20Cisco%208851");
  CHECK(s.custom_enabled == std::optional<bool>(true));
  CHECK_FALSE(s.update_in_progress);
  CHECK(s.customizations == json::parse(R"({"mpp":{"pnacEnabled":true,"vlan":{"enabled":false,"value":1},
                                             "futureKey":"X"}})"));
}

TEST_CASE(
    "device customizations: PUT sends both deviceModel and model, and {customizations, customEnabled}") {
  LocalServer srv;
  Seen seen;
  srv.server.Put(R"(/v1/telephony/config/devices/([^/]+)/settings)",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.status = 204;
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::ScopeCustomizations body;
  body.customizations = json{{"mpp", {{"backlightTimer", "ONE_MIN"}}}};
  body.custom_enabled = false;
  api->put_device_customizations("D1", "DMS Cisco 8851", body);
  CHECK(seen.method == "PUT");
  CHECK(seen.target ==
        "/v1/telephony/config/devices/D1/settings?deviceModel=DMS%20Cisco%208851&model=DMS%20Cisco%208851");
  CHECK(seen.content_type == "application/json");
  CHECK(json::parse(seen.body) ==
        json{{"customizations", {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}}, {"customEnabled", false}});

  body.custom_enabled.reset();  // a device-level write customizes the device
  api->put_device_customizations("D1", "DMS Cisco 8851", body);
  CHECK(json::parse(seen.body)["customEnabled"] == true);

  api->put_device_customizations("D1", "", body);  // no model known: no empty query parameters
  CHECK(seen.target == "/v1/telephony/config/devices/D1/settings");
}

TEST_CASE("location and org customizations: customEnabled only where given, updateInProgress read") {
  LocalServer srv;
  Seen seen;
  srv.server.Get("/v1/telephony/config/locations/L1/devices/settings",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.set_content(R"({"customizations":{"mpp":{"a":1},"dect":{"b":2}},"customEnabled":false,
                     "updateInProgress":true,"deviceCount":3})",
                                   "application/json");
                 });
  srv.server.Get(
      "/v1/telephony/config/devices/settings", [&](const httplib::Request& req, httplib::Response& res) {
        seen.record(req);
        res.set_content(
            R"({"customizations":{"ata":{},"dect":{},"mpp":{"x":true},"wifi":{}},"updateInProgress":false,
      "deviceCount":0,"lastUpdateTime":0})",
            "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto loc = api->get_location_customizations("L1");
  CHECK(loc.custom_enabled == std::optional<bool>(false));
  CHECK(loc.update_in_progress);
  CHECK(loc.customizations["dect"]["b"] == 2);
  auto org = api->get_org_customizations();
  CHECK(seen.target == "/v1/telephony/config/devices/settings");
  CHECK_FALSE(org.custom_enabled.has_value());
  CHECK(org.customizations["mpp"]["x"] == true);
  CHECK(org.customizations.size() == 4);
}

TEST_CASE("a settings body that is not an object is an ApiError that says so") {
  LocalServer srv;
  srv.server.Get(
      "/v1/telephony/config/devices/settings",
      [&](const httplib::Request&, httplib::Response& res) { res.set_content("[1,2]", "application/json"); });
  srv.server.Get(
      "/v1/telephony/config/people/P1/devices/settings",
      [&](const httplib::Request&, httplib::Response& res) { res.set_content("not json", "text/plain"); });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  try {
    api->get_org_customizations();
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 200);
    CHECK(std::string(e.what()).find("malformed response") != std::string::npos);
  }
  CHECK_THROWS_AS(api->get_person_device_settings("P1"), wx::ApiError);
}

TEST_CASE("person and workspace device settings: {compression}") {
  LocalServer srv;
  Seen seen;
  srv.server.Get(R"(/v1/telephony/config/(people|workspaces)/([^/]+)/devices/settings)",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.set_content(req.matches[1] == "people" ? R"({"compression":"ON"})"
                                                              : R"({"compression":"OFF","extra":1})",
                                   "application/json");
                 });
  srv.server.Put(R"(/v1/telephony/config/(people|workspaces)/([^/]+)/devices/settings)",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.status = 204;
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK(api->get_person_device_settings("P1").compression == "ON");
  CHECK(api->get_workspace_device_settings("W1").compression == "OFF");
  CHECK(seen.target == "/v1/telephony/config/workspaces/W1/devices/settings");
  api->put_person_device_settings("P1", {"OFF"});
  CHECK(seen.target == "/v1/telephony/config/people/P1/devices/settings");
  CHECK(json::parse(seen.body) == json{{"compression", "OFF"}});
  api->put_workspace_device_settings("W1", {"ON"});
  CHECK(seen.method == "PUT");
  CHECK(seen.target == "/v1/telephony/config/workspaces/W1/devices/settings");
  CHECK(json::parse(seen.body) == json{{"compression", "ON"}});
}

TEST_CASE("hoteling: the person body is wrapped, the workspace body is flat; unset fields are not sent") {
  LocalServer srv;
  Seen seen;
  srv.server.Put("/v1/telephony/config/people/P1/devices/settings/hoteling",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.status = 204;
                 });
  srv.server.Put("/v1/telephony/config/workspaces/W1/devices",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.status = 204;
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::Hoteling h;
  h.enabled = true;
  h.limit_guest_use = true;
  h.guest_hours_limit = 5;
  api->put_person_hoteling("P1", h);
  CHECK(seen.target == "/v1/telephony/config/people/P1/devices/settings/hoteling");
  CHECK(json::parse(seen.body) ==
        json{{"hoteling", {{"enabled", true}, {"limitGuestUse", true}, {"guestHoursLimit", 5}}}});
  api->put_workspace_hoteling("W1", h);
  CHECK(seen.target == "/v1/telephony/config/workspaces/W1/devices");
  CHECK(json::parse(seen.body) == json{{"enabled", true}, {"limitGuestUse", true}, {"guestHoursLimit", 5}});
  wx::Hoteling partial;
  partial.enabled = false;
  api->put_workspace_hoteling("W1", partial);
  CHECK(json::parse(seen.body) == json{{"enabled", false}});
  api->put_person_hoteling("P1", partial);
  CHECK(json::parse(seen.body) == json{{"hoteling", {{"enabled", false}}}});
  CHECK(seen.count == 4);
}

TEST_CASE("owner device listings carry each device's hoteling, complete") {
  LocalServer srv;
  srv.server.Get("/v1/telephony/config/people/P1/devices",
                 [&](const httplib::Request&, httplib::Response& res) {
                   res.set_content(R"({"devices":[
      {"id":"C1","model":"DMS Cisco 8851","mac":"AABBCCDDEEFF","type":"PRIMARY",
       "hoteling":{"enabled":true,"limitGuestUse":true,"guestHoursLimit":12.0}},
      {"id":"C2","model":"DMS Cisco 8851","mac":"AABBCCDDEE00","type":"SHARED_CALL_APPEARANCE"},
      {"id":"C3","hoteling":null}],"maxDeviceCount":5})",
                                   "application/json");
                 });
  srv.server.Get(
      "/v1/telephony/config/workspaces/W1/devices", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"devices":[{"id":"C4","hoteling":{"enabled":"true","limitGuestUse":false}}]})",
                        "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto person = api->list_person_devices("P1");
  REQUIRE(person.size() == 3);
  CHECK(person[0].hoteling == wx::Hoteling{true, true, 12});
  CHECK(person[1].hoteling == wx::Hoteling{false, false, std::nullopt});
  CHECK(person[2].hoteling == wx::Hoteling{false, false, std::nullopt});
  auto ws = api->list_workspace_devices("W1");
  REQUIRE(ws.size() == 1);
  CHECK(ws[0].hoteling == wx::Hoteling{true, false, std::nullopt});
}
