#include <doctest/doctest.h>

#include "webex/local_server.h"
#include "wxphones/util/secrets.h"
#include "wxphones/webex/webex_client.h"

using wx::webex_test::LocalServer;

TEST_CASE("redact masks every registered secret") {
  wx::register_secret("s3cr3t-value-for-redaction");
  wx::register_secret("short");  // too short to register: it would mask ordinary words
  CHECK(wx::redact("a s3cr3t-value-for-redaction b s3cr3t-value-for-redaction") == "a *** b ***");
  CHECK(wx::redact("short words stay") == "short words stay");
}

TEST_CASE("the token never appears in errors or logs, and each request logs one line") {
  LocalServer srv;
  srv.server.Get("/v1/devices", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.has_param("echo")) {
      // A misbehaving server that echoes the Authorization header into its error.
      res.status = 401;
      res.set_content(nlohmann::json{{"message", "bad token " + req.get_header_value("Authorization")},
                                     {"errors", {{{"description", req.get_header_value("Authorization")}}}}}
                          .dump(),
                      "application/json");
      return;
    }
    res.set_content(R"({"items":[]})", "application/json");
  });
  srv.start();
  wx::webex_test::LogCapture capture;
  wx::WebexClient client(srv.config());
  client.get("/devices", {{"max", "1000"}});
  std::string message;
  try {
    client.get("/devices", {{"echo", "1"}});
  } catch (const wx::ApiError& e) {
    message = std::string(e.what()) + "|" + e.message() + "|" + e.details().at(0).description;
  }
  std::string logs = capture.text();
  CHECK(message.find("bad token") != std::string::npos);
  CHECK(message.find(wx::webex_test::kTestToken) == std::string::npos);
  CHECK(logs.find("GET /devices?max=1000 -> 200 in") != std::string::npos);
  CHECK(logs.find("GET /devices?echo=1 -> 401 in") != std::string::npos);
  CHECK(logs.find(wx::webex_test::kTestToken) == std::string::npos);
  CHECK(logs.find("Authorization") == std::string::npos);
}
