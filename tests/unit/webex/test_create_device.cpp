#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using wx::webex_test::LocalServer;

namespace {

wx::CreateDeviceByMac request_for_person() {
  wx::CreateDeviceByMac r;
  r.mac = "00:1b:54:aa:01:02";
  r.model = "DMS Cisco 8851";
  r.person_id = "P1";
  return r;
}

}  // namespace

TEST_CASE("create by MAC returns the device from the response body") {
  LocalServer srv;
  std::string sent;
  srv.server.Post("/v1/devices", [&](const httplib::Request& req, httplib::Response& res) {
    sent = req.body;
    res.set_content(R"({"id":"D1","mac":"001B54AA0102","personId":"P1","product":"Cisco 8851",)"
                    R"("connectionStatus":"disconnected"})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto d = api->create_device_by_mac(request_for_person());
  CHECK(d.id == "D1");
  CHECK(d.mac == "001B54AA0102");
  CHECK(d.model == "DMS Cisco 8851");
  auto body = nlohmann::json::parse(sent);
  CHECK(body == nlohmann::json{{"mac", "001B54AA0102"}, {"model", "DMS Cisco 8851"}, {"personId", "P1"}});
}

TEST_CASE("an empty create body is resolved by re-reading GET /devices?mac=") {
  LocalServer srv;
  std::atomic<int> posts{0};
  std::string lookup_mac;
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 200;
  });
  srv.server.Get("/v1/devices", [&](const httplib::Request& req, httplib::Response& res) {
    lookup_mac = req.get_param_value("mac");
    res.set_content(R"({"items":[{"id":"D9","mac":"001B54AA0102","personId":"P1"}]})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto d = api->create_device_by_mac(request_for_person());
  CHECK(d.id == "D9");
  CHECK(d.webex_aware);
  CHECK(lookup_mac == "001B54AA0102");
  CHECK(posts == 1);
}

TEST_CASE("an uncertain create (5xx) is re-read, not repeated") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 504;  // the device was created anyway
  });
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"items":[{"id":"D7","mac":"001B54AA0102"}]})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto d = api->create_device_by_mac(request_for_person());
  CHECK(d.id == "D7");
  CHECK(posts == 1);
}

TEST_CASE("a phone that is not yet Webex-aware is found in the owner's telephony listing") {
  LocalServer srv;
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) { res.status = 200; });
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"items":[]})", "application/json");
  });
  srv.server.Get(
      "/v1/telephony/config/workspaces/W1/devices", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"devices":[{"id":"CD1","mac":"001b54aa0102","model":"DMS Cisco 9861",)"
                        R"("activationState":"activating","type":"PRIMARY","description":["a"]}]})",
                        "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto r = request_for_person();
  r.person_id.clear();
  r.workspace_id = "W1";
  r.model = "DMS Cisco 9861";
  auto d = api->create_device_by_mac(r);
  CHECK(d.id == "CD1");
  CHECK(d.calling_device_id == "CD1");
  CHECK_FALSE(d.webex_aware);
  CHECK(d.workspace_id == "W1");
  CHECK(d.activation_state == "ACTIVATING");
}

TEST_CASE("an uncertain create that did not happen rethrows the original error") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 500;
  });
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"items":[]})", "application/json");
  });
  srv.server.Get("/v1/telephony/config/people/P1/devices",
                 [&](const httplib::Request&, httplib::Response& res) {
                   res.set_content(R"({"devices":[]})", "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  try {
    api->create_device_by_mac(request_for_person());
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 500);
    CHECK(e.method() == "POST");
  }
  CHECK(posts == 1);
}

TEST_CASE("a definite refusal (4xx) is not re-read") {
  LocalServer srv;
  std::atomic<int> gets{0};
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 400;
    res.set_content(
        R"({"message":"MAC Address is in use.","errors":[{"description":"in use","errorCode":5675}]})",
        "application/json");
  });
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++gets;
    res.set_content(R"({"items":[]})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_THROWS_AS(api->create_device_by_mac(request_for_person()), wx::ApiError);
  CHECK(gets == 0);
}

TEST_CASE("create needs exactly one owner") {
  auto api = wx::make_http_webex_api([] {
    wx::ClientConfig c;
    c.access_token = wx::webex_test::kTestToken;
    return c;
  }());
  auto r = request_for_person();
  r.workspace_id = "W1";
  CHECK_THROWS_AS(api->create_device_by_mac(r), std::invalid_argument);
}

TEST_CASE("a create that times out (no response) is re-read, not repeated") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    std::this_thread::sleep_for(std::chrono::milliseconds(1300));  // past the client's 1 s timeout
    res.set_content(R"({"id":"late"})", "application/json");
  });
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"items":[{"id":"D5","mac":"001B54AA0102"}]})", "application/json");
  });
  srv.start();
  auto config = srv.config();
  config.timeout = std::chrono::seconds(1);
  auto api = wx::make_http_webex_api(config);
  auto d = api->create_device_by_mac(request_for_person());
  CHECK(d.id == "D5");
  CHECK(posts == 1);
}
