#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <regex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using wx::webex_test::LocalServer;

TEST_CASE("every request carries the Webex headers") {
  LocalServer srv;
  httplib::Headers seen;
  srv.server.Get("/v1/locations", [&](const httplib::Request& req, httplib::Response& res) {
    seen = req.headers;
    res.set_content(R"({"items":[{"id":"L1","name":"HQ"}]})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto locations = api->list_locations();
  REQUIRE(locations.size() == 1);
  CHECK(locations[0].name == "HQ");
  auto header = [&](const char* name) {
    auto it = seen.find(name);
    return it == seen.end() ? std::string() : it->second;
  };
  CHECK(header("Authorization") == std::string("Bearer ") + wx::webex_test::kTestToken);
  CHECK(header("Accept") == "application/json");
  CHECK(header("User-Agent") == "wxphones/0.1");
  CHECK(std::regex_match(
      header("TrackingID"),
      std::regex("WXPHONES_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
}

TEST_CASE("list_devices maps fields, normalises MACs and tolerates drift") {
  LocalServer srv;
  std::string query;
  srv.server.Get("/v1/devices", [&](const httplib::Request& req, httplib::Response& res) {
    query = req.get_param_value("personId") + "|" + req.get_param_value("type") + "|" +
            req.get_param_value("max") + "|" + (req.has_param("mac") ? "mac" : "");
    res.set_content(R"({"items":[
      {"id":null,"callingDeviceId":"CD1","webexDeviceId":"WD1","mac":"11:22:33:44:aa:ff","product":"Cisco 9861",
       "displayName":"Reception","personId":"P1","locationId":"L1","connectionStatus":"pending",
       "tags":["a","b"],"lifecycle":"SOMETHING_NEW","plannedMaintenance":"off"},
      {"id":"D2","mac":"52EAD324FD21","placeId":"W1","connectionStatus":"connected","tags":"solo"}
    ]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::DeviceQuery q;
  q.person_id = "P1";
  q.type = "phone";
  auto devices = api->list_devices(q);
  CHECK(query == "P1|phone|1000|");
  REQUIRE(devices.size() == 2);
  CHECK(devices[0].id == "WD1");
  CHECK(devices[0].calling_device_id == "CD1");
  CHECK(devices[0].webex_device_id == "WD1");
  CHECK(devices[0].mac == "11223344AAFF");
  CHECK(devices[0].connection_status == "pending");
  CHECK(devices[0].tags == std::vector<std::string>{"a", "b"});
  CHECK(devices[0].product == "Cisco 9861");
  CHECK(devices[1].workspace_id == "W1");
  CHECK(devices[1].online());
  CHECK(devices[1].tags == std::vector<std::string>{"solo"});
}

TEST_CASE("get_devices_by_ids: few IDs by single GETs, missing ones absent") {
  LocalServer srv;
  std::atomic<int> singles{0};
  srv.server.Get(R"(/v1/devices/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    ++singles;
    std::string id = req.matches[1];
    if (id == "gone") {
      res.status = 404;
      return;
    }
    res.set_content(nlohmann::json{{"id", id}, {"connectionStatus", "connected"}}.dump(), "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto devices = api->get_devices_by_ids({"a", "gone", "c/d+=", "a"});
  REQUIRE(devices.size() == 2);
  CHECK(devices[0].id == "a");
  CHECK(devices[1].id == "c/d+=");  // the encoded ID arrived intact
  CHECK(singles == 3);
}

TEST_CASE("get_devices_by_ids: many IDs by one paged list, matched on any ID form") {
  LocalServer srv;
  std::atomic<int> lists{0};
  srv.server.Get("/v1/devices", [&](const httplib::Request& req, httplib::Response& res) {
    ++lists;
    CHECK(req.get_param_value("type") == "phone");
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < 30; ++i) {
      items.push_back({{"id", "D" + std::to_string(i) + "=="}, {"callingDeviceId", "C" + std::to_string(i)}});
    }
    res.set_content(nlohmann::json{{"items", items}}.dump(), "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  std::vector<std::string> ids;
  for (int i = 0; i < 12; ++i) {
    ids.push_back(i % 2 == 0 ? "D" + std::to_string(i) : "C" + std::to_string(i));
  }
  ids.push_back("unknown");
  auto devices = api->get_devices_by_ids(ids);
  CHECK(devices.size() == 12);
  CHECK(lists == 1);
}

TEST_CASE("owner device listings read description as tags and upper-case activationState") {
  LocalServer srv;
  srv.server.Get(
      "/v1/telephony/config/people/P1/devices", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(
            R"({"devices":[{"id":"CD1","mac":"00-1B-54-AA-01-02","model":"DMS Cisco 9861",)"
            R"("activationState":"activated","type":"PRIMARY","description":["x","y"]}],"maxDeviceCount":5})",
            "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto devices = api->list_person_devices("P1");
  REQUIRE(devices.size() == 1);
  CHECK(devices[0].mac == "001B54AA0102");
  CHECK(devices[0].activation_state == "ACTIVATED");
  CHECK(devices[0].line_type == "PRIMARY");
  CHECK(devices[0].tags == std::vector<std::string>{"x", "y"});
}

TEST_CASE("people: first exact email match, case-insensitive; workspaces: exact names only") {
  LocalServer srv;
  srv.server.Get("/v1/people", [&](const httplib::Request& req, httplib::Response& res) {
    CHECK(req.get_param_value("email") == "Alice@Example.com");
    res.set_content(
        R"({"items":[{"id":"P0","emails":["alice@example.com.au"]},)"
        R"({"id":"P1","emails":["x@y","alice@example.com"],"displayName":"Alice","locationId":"L1"}]})",
        "application/json");
  });
  srv.server.Get("/v1/workspaces", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"items":[{"id":"W1","displayName":"Lobby"},{"id":"W2","displayName":"Lobby 2"},)"
                    R"({"id":"W3","displayName":"Lobby","locationId":"L2"}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto person = api->find_person_by_email("Alice@Example.com");
  REQUIRE(person);
  CHECK(person->id == "P1");
  CHECK(person->email == "alice@example.com");
  CHECK(person->location_id == "L1");
  auto workspaces = api->find_workspaces_by_name("Lobby");
  REQUIRE(workspaces.size() == 2);
  CHECK(workspaces[1].location_id == "L2");
}

TEST_CASE("supported devices become the model catalog") {
  LocalServer srv;
  srv.server.Get(
      "/v1/telephony/config/supportedDevices", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"upgradeChannelList":["STABLE"],"devices":[{"model":"DMS Cisco 8851",)"
                        R"("displayName":"Cisco 8851","type":"MPP","numberOfLineKeyButtons":10}]})",
                        "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto catalog = api->supported_devices();
  REQUIRE(catalog.find("Cisco 8851") != nullptr);
  CHECK(catalog.find("DMS Cisco 8851")->number_of_line_key_buttons == 10);
}

TEST_CASE("validateMacs: statuses mapped; an absent macStatus means all available") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Post("/v1/telephony/config/devices/actions/validateMacs/invoke", [&](const httplib::Request& req,
                                                                                  httplib::Response& res) {
    auto body = nlohmann::json::parse(req.body);
    if (++calls == 1) {
      CHECK(body["macs"].size() == 2);
      res.set_content(R"({"status":"ERRORS","macStatus":[{"mac":"001122334455","state":"UNAVAILABLE",)"
                      R"("errorCode":5675,"message":"[Error 5675] MAC Address is in use."}]})",
                      "application/json");
    } else {
      res.set_content(R"({"status":"OK"})", "application/json");
    }
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto statuses = api->validate_macs({"00:11:22:33:44:55", "AABBCCDDEEFF"});
  REQUIRE(statuses.size() == 2);
  CHECK(statuses[0].state == "UNAVAILABLE");
  CHECK(statuses[0].error_code == 5675);
  CHECK(statuses[1].mac == "AABBCCDDEEFF");
  CHECK(statuses[1].state == "AVAILABLE");
  auto ok = api->validate_macs({"AABBCCDDEE00"});
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].state == "AVAILABLE");
}

TEST_CASE("tags PATCH sends a JSON-patch array, replace with [] for no tags") {
  LocalServer srv;
  std::vector<std::string> bodies;
  std::string content_type;
  srv.server.Patch("/v1/devices/D1", [&](const httplib::Request& req, httplib::Response& res) {
    bodies.push_back(req.body);
    content_type = req.get_header_value("Content-Type");
    auto ops = nlohmann::json::parse(req.body);
    res.set_content(nlohmann::json{{"id", "D1"}, {"tags", ops[0]["value"]}}.dump(), "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto d = api->replace_device_tags("D1", {"lobby", "9861"});
  CHECK(d.tags == std::vector<std::string>{"lobby", "9861"});
  api->replace_device_tags("D1", {});
  CHECK(content_type == "application/json-patch+json");
  REQUIRE(bodies.size() == 2);
  CHECK(nlohmann::json::parse(bodies[0]) ==
        nlohmann::json::parse(R"([{"op":"replace","path":"tags","value":["lobby","9861"]}])"));
  CHECK(nlohmann::json::parse(bodies[1]) ==
        nlohmann::json::parse(R"([{"op":"replace","path":"tags","value":[]}])"));
}

TEST_CASE("delete: 404 means already gone; other errors propagate") {
  LocalServer srv;
  srv.server.Delete("/v1/devices/gone",
                    [&](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  srv.server.Delete("/v1/devices/ok",
                    [&](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  srv.server.Delete("/v1/devices/no",
                    [&](const httplib::Request&, httplib::Response& res) { res.status = 403; });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_NOTHROW(api->delete_device("gone"));
  CHECK_NOTHROW(api->delete_device("ok"));
  CHECK_THROWS_AS(api->delete_device("no"), wx::ApiError);
}

TEST_CASE("activation code: model and one owner sent; code and expiry returned") {
  LocalServer srv;
  std::string sent;
  srv.server.Post("/v1/devices/activationCode", [&](const httplib::Request& req, httplib::Response& res) {
    sent = req.body;
    res.set_content(R"({"code":"5414011256173816","expiryTime":"2030-01-01T00:00:00Z"})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::CreateActivationCode r;
  r.model = "DMS Cisco 9861";
  r.workspace_id = "W1";
  auto code = api->create_activation_code(r);
  CHECK(code.code == "5414011256173816");
  CHECK(code.expiry_time == "2030-01-01T00:00:00Z");
  CHECK(nlohmann::json::parse(sent) == nlohmann::json{{"model", "DMS Cisco 9861"}, {"workspaceId", "W1"}});
}
