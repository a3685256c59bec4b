// A server that answers 2xx with garbage: every read through WebexApi ends in a clear ApiError (or a
// tolerated value), never a crash, a hang, or a listing silently cut short.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using wx::webex_test::LocalServer;

namespace {

using Answer = std::function<void(const httplib::Request&, httplib::Response&)>;

// Serves `answer` for every GET and POST under /v1.
struct HostileServer {
  LocalServer srv;
  explicit HostileServer(Answer answer) {
    srv.server.Get("/v1/.*", answer);
    srv.server.Post("/v1/.*", answer);
    srv.start();
  }
  std::unique_ptr<wx::WebexApi> api() { return wx::make_http_webex_api(srv.config()); }
};

Answer body(std::string text, std::string type = "application/json") {
  return [text, type](const httplib::Request&, httplib::Response& res) { res.set_content(text, type); };
}

// The message of the ApiError `call` throws; fails the test when it throws anything else or nothing.
std::string api_error_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const wx::ApiError& e) {
    return e.what();
  } catch (const std::exception& e) {
    FAIL("not an ApiError: " << e.what());
    return {};
  }
  FAIL("no error");
  return {};
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("malformed JSON in a list, a resource and a settings read is a clear error") {
  for (const std::string& garbage :
       {std::string("{\"items\": [ {\"id\": "), std::string("<html>oops</html>"),
        std::string("\xff\xfe{\"items\":[]}"), std::string("{\"items\":[\"\xc3\x28\"]}")}) {
    HostileServer server(body(garbage));
    auto api = server.api();
    CAPTURE(garbage);
    auto listed = api_error_of([&] { api->list_devices({}); });
    CHECK_MESSAGE(has(listed, "GET /devices -> 200: malformed response: the body is not valid JSON"), listed);
    CHECK(has(api_error_of([&] { api->get_device_layout("d1"); }), "not valid JSON"));
    CHECK(has(api_error_of([&] { api->list_person_devices("p1"); }), "not valid JSON"));
    CHECK(has(api_error_of([&] { api->supported_devices(); }), "not valid JSON"));
  }
}

TEST_CASE("wrong types and missing lists never pass for an empty organisation") {
  SUBCASE("items is not a list") {
    HostileServer server(body(R"({"items": {"id": "x"}})"));
    CHECK(has(api_error_of([&] { server.api()->list_devices({}); }), "no 'items' list"));
  }
  SUBCASE("no list at all") {
    HostileServer server(body(R"({"devices": 3})"));
    CHECK(has(api_error_of([&] { server.api()->list_devices({}); }), "no 'items' list"));
  }
  SUBCASE("an item that is not an object") {
    HostileServer server(body(R"({"items": [{"id": "a"}, 42]})"));
    CHECK(has(api_error_of([&] { server.api()->list_devices({}); }), "item 1 of 'items' is not an object"));
  }
  SUBCASE("a JSON array where an object is expected") {
    HostileServer server(body(R"([1, 2, 3])"));
    auto api = server.api();
    CHECK(has(api_error_of([&] { api->list_devices({}); }), "expected a JSON object"));
    CHECK(has(api_error_of([&] { api->list_person_devices("p1"); }), "expected a {devices: [...]} object"));
    CHECK(has(api_error_of([&] { api->get_device_layout("d1"); }), "expected a layout object"));
  }
  SUBCASE("an owner's devices that is not a list") {
    HostileServer server(body(R"({"devices": "none"})"));
    CHECK(has(api_error_of([&] { server.api()->list_person_devices("p1"); }), "'devices' is not a list"));
  }
  SUBCASE("an empty 200 body") {
    HostileServer server(body(""));
    auto api = server.api();
    CHECK(has(api_error_of([&] { api->list_devices({}); }), "got an empty body"));
    CHECK(has(api_error_of([&] { api->get_device_layout("d1"); }), "empty or non-JSON body"));
  }
}

TEST_CASE("wrongly typed fields and unknown enum values are read without a crash") {
  HostileServer server(body(R"({"items": [
      {"id": 12, "mac": ["x"], "product": null, "tags": "single", "connectionStatus": "teleported",
       "activationState": 7, "personId": {"a": 1}},
      {"id": "d2", "mac": "not-a-mac", "connectionStatus": "CONNECTED_VIA_CARRIER_PIGEON"}]})"));
  auto devices = server.api()->list_devices({});
  REQUIRE(devices.size() == 2);
  CHECK(devices[0].id.empty());  // not a string: unknown, not invented
  CHECK(devices[0].tags == std::vector<std::string>{"single"});
  CHECK(devices[1].connection_status == "CONNECTED_VIA_CARRIER_PIGEON");
}

TEST_CASE("a layout with unknown key types and wrong types is read without a crash") {
  HostileServer server(
      body(R"({"layoutMode": "QUANTUM", "lineKeys": [{"lineKeyIndex": "x", "lineKeyType": "WARP"},
      7, {"lineKeyIndex": 1e300}], "kemModuleType": 5, "kemKeys": "none"})"));
  CHECK_NOTHROW(server.api()->get_device_layout("d1"));
}

TEST_CASE("a huge response is refused, not read into memory") {
  const std::string huge = "{\"items\":[" + std::string(70u << 20, ' ') + "]}";  // 70 MiB of whitespace
  HostileServer server(body(huge));
  auto config = server.srv.config();
  config.max_retries = 1;
  auto api = wx::make_http_webex_api(config);
  auto message = api_error_of([&] { api->list_devices({}); });
  CHECK_MESSAGE(has(message, "larger than 64 MiB"), message);
}

TEST_CASE("deeply nested JSON is an error or a value, never a stack overflow") {
  const std::string deep = "{\"items\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  HostileServer server(body(deep));
  auto message = api_error_of([&] { server.api()->list_devices({}); });
  CHECK_MESSAGE(has(message, "malformed response: the body is nested deeper than 64 levels"), message);
}

TEST_CASE("bad Link headers stop the listing with an error, never silently") {
  auto with_link = [](std::string link) -> Answer {
    return [link](const httplib::Request&, httplib::Response& res) {
      res.set_header("Link", link);
      res.set_content(R"({"items":[{"id":"a"}]})", "application/json");
    };
  };
  SUBCASE("unreadable") {
    HostileServer server(with_link("<http://127.0.0.1:1/v1/devices?start=100; rel=\"next\""));
    CHECK(has(api_error_of([&] { server.api()->list_devices({}); }),
              "a Link header names a next page but cannot be read"));
  }
  SUBCASE("another origin") {
    HostileServer server(with_link("<https://evil.example/v1/devices?start=100>; rel=\"next\""));
    CHECK(has(api_error_of([&] { server.api()->list_devices({}); }),
              "refusing to follow a pagination link to another origin"));
  }
  SUBCASE("not a URL") {
    HostileServer server(with_link("<:::>; rel=\"next\""));
    const auto message = api_error_of([&] { server.api()->list_devices({}); });
    CHECK_MESSAGE((has(message, "malformed response") || has(message, "refusing to follow")), message);
  }
  SUBCASE("a page that links to itself ends the listing") {
    LocalServer srv;
    srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
      res.set_header("Link", "<" + srv.base_url() + "/devices?max=1000>; rel=\"next\"");
      res.set_content(R"({"items":[{"id":"a"}]})", "application/json");
    });
    srv.start();
    auto devices = wx::make_http_webex_api(srv.config())->list_devices({});
    CHECK(devices.size() <= 2);
  }
  SUBCASE("no rel=next is the last page") {
    HostileServer server(with_link("<http://127.0.0.1:1/v1/devices?start=0>; rel=\"first\""));
    CHECK(server.api()->list_devices({}).size() == 1);
  }
}
