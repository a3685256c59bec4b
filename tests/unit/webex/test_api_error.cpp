#include <doctest/doctest.h>

#include "webex/local_server.h"
#include "wxphones/webex/webex_client.h"

using wx::webex_test::LocalServer;

namespace {

wx::ApiError error_of(wx::WebexClient& client, const std::string& path) {
  try {
    client.get(path, {{"max", "10"}});
  } catch (const wx::ApiError& e) {
    return e;
  }
  FAIL("expected ApiError");
  return wx::ApiError(-1, "", "", "");
}

}  // namespace

TEST_CASE("a Webex JSON error body is parsed into ApiError") {
  LocalServer srv;
  srv.server.Get("/v1/devices/abc", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(
        R"({"message":"Device not found","errors":[{"description":"Device not found","errorCode":25008},)"
        R"({"description":"second","errorCode":"4410"}],"trackingId":"ROUTER_123"})",
        "application/json");
  });
  srv.start();
  wx::WebexClient client(srv.config());
  auto e = error_of(client, "/devices/abc");
  CHECK(e.status() == 404);
  CHECK(e.method() == "GET");
  CHECK(e.path() == "/devices/abc");  // no host, no query
  CHECK(e.message() == "Device not found");
  REQUIRE(e.details().size() == 2);
  CHECK(e.details()[0].error_code == 25008L);
  CHECK(e.details()[1].error_code == 4410L);
  CHECK(e.details()[1].description == "second");
  CHECK(e.tracking_id() == "ROUTER_123");
  std::string what = e.what();
  CHECK(what.find("GET /devices/abc -> 404") != std::string::npos);
  CHECK(what.find("25008") != std::string::npos);
  CHECK(what.find("ROUTER_123") != std::string::npos);
  CHECK(what.find("127.0.0.1") == std::string::npos);
  CHECK(what.find("max=10") == std::string::npos);
}

TEST_CASE("error bodies of the wrong shape or types are tolerated") {
  LocalServer srv;
  srv.server.Get("/v1/text", [](const httplib::Request&, httplib::Response& res) {
    res.status = 502;
    res.set_content("<html>Bad gateway</html>", "text/html");
  });
  srv.server.Get("/v1/odd", [](const httplib::Request&, httplib::Response& res) {
    res.status = 400;
    res.set_content(R"({"message":42,"errors":"nope","trackingId":["x"]})", "application/json");
  });
  srv.server.Get("/v1/onlydetails", [](const httplib::Request&, httplib::Response& res) {
    res.status = 409;
    res.set_content(R"({"errors":[{"description":"job running","errorCode":null},7]})", "application/json");
  });
  srv.server.Get("/v1/array", [](const httplib::Request&, httplib::Response& res) {
    res.status = 403;
    res.set_header("TrackingID", "NA_456");
    res.set_content(R"([1,2,3])", "application/json");
  });
  srv.start();
  auto config = srv.config();
  config.max_retries = 0;
  wx::WebexClient client(config);

  auto text = error_of(client, "/text");
  CHECK(text.status() == 502);
  CHECK(text.message() == "<html>Bad gateway</html>");

  auto odd = error_of(client, "/odd");
  CHECK(odd.status() == 400);
  CHECK(odd.message() == "Bad Request");
  CHECK(odd.details().empty());
  CHECK(odd.tracking_id().empty());

  auto only = error_of(client, "/onlydetails");
  CHECK(only.message() == "job running");
  REQUIRE(only.details().size() == 1);
  CHECK_FALSE(only.details()[0].error_code.has_value());

  auto array = error_of(client, "/array");
  CHECK(array.message() == "[1,2,3]");  // not Webex's shape: shown as text
  CHECK(array.tracking_id() == "NA_456");
}

TEST_CASE("a 429 without a body becomes an error once retries are used up") {
  LocalServer srv;
  srv.server.Get("/v1/people", [](const httplib::Request&, httplib::Response& res) { res.status = 429; });
  srv.start();
  auto config = srv.config();
  config.max_429_retries = 0;
  wx::WebexClient client(config);
  auto e = error_of(client, "/people");
  CHECK(e.status() == 429);
  CHECK(e.message() == "Too Many Requests");
}

TEST_CASE("a connection failure is status 0") {
  LocalServer srv;
  srv.start();
  auto config = srv.config();
  srv.stop();  // nothing listens on the port any more
  config.max_retries = 1;
  wx::WebexClient client(config);
  auto e = error_of(client, "/devices");
  CHECK(e.status() == 0);
  CHECK(e.path() == "/devices");
  CHECK(std::string(e.what()).find("connection failed") != std::string::npos);
}
