#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "webex/local_server.h"
#include "wxphones/util/secrets.h"
#include "wxphones/webex/webex_client.h"

using wx::webex_test::LocalServer;

namespace {

const wx::RefreshCredentials kGrant{"client-abc", "client-secret-0123456789", "refresh-token-0123456789"};

// A server whose API accepts one current token; the token endpoint trades kGrant for the next one.
struct TokenServer {
  LocalServer srv;
  std::mutex mutex;
  std::string valid = "first-token-0123456789";
  std::atomic<int> refreshes{0};
  std::atomic<int> api_calls{0};
  std::string last_form;
  std::string last_content_type;

  TokenServer() {
    srv.server.Post("/v1/access_token", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      last_form = req.body;
      last_content_type = req.get_header_value("Content-Type");
      const bool ok = req.body.find("grant_type=refresh_token") != std::string::npos &&
                      req.body.find("client_secret=" + kGrant.client_secret) != std::string::npos &&
                      req.body.find("refresh_token=" + kGrant.refresh_token) != std::string::npos;
      if (!ok) {
        res.status = 400;
        res.set_content(R"({"message":"invalid refresh token","errors":[{"description":"invalid"}]})",
                        "application/json");
        return;
      }
      valid = "renewed-token-" + std::to_string(++refreshes) + "-0123456789";
      res.set_content(nlohmann::json{{"access_token", valid},
                                     {"expires_in", 1209600},
                                     {"refresh_token", kGrant.refresh_token},
                                     {"token_type", "Bearer"}}
                          .dump(),
                      "application/json");
    });
    auto api = [this](const httplib::Request& req, httplib::Response& res) {
      ++api_calls;
      std::lock_guard lock(mutex);
      if (req.get_header_value("Authorization") != "Bearer " + valid) {
        res.status = 401;
        res.set_content(R"({"message":"The request requires a valid access token"})", "application/json");
        return;
      }
      res.set_content(R"({"items":[]})", "application/json");
    };
    srv.server.Get("/v1/devices", api);
    srv.server.Post("/v1/devices", api);
    srv.start();
  }
  void expire() {
    std::lock_guard lock(mutex);
    valid = "nobody-has-this-token";
  }
};

// The message of the ApiError (status 401) a GET /devices with `config` meets once the token expired.
std::string rejection(TokenServer& server, const wx::ClientConfig& config) {
  wx::WebexClient client(config);
  server.expire();
  try {
    client.get("/devices");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 401);
    return e.what();
  }
  FAIL("expected an ApiError");
  return {};
}

}  // namespace

TEST_CASE("a 401 with refresh credentials refreshes the token once and repeats the request") {
  TokenServer server;
  auto config = server.srv.config();
  config.access_token = "first-token-0123456789";
  config.refresh = kGrant;
  wx::WebexClient client(config);
  CHECK(client.get("/devices").is_object());
  CHECK(server.refreshes == 0);

  server.expire();
  CHECK(client.get("/devices").is_object());
  CHECK(server.refreshes == 1);
  CHECK(server.last_content_type == "application/x-www-form-urlencoded");
  CHECK(server.last_form.find("client_id=client-abc") != std::string::npos);

  // A create is sent again too: a 401 means Webex did nothing.
  server.expire();
  auto created = client.post("/devices", nlohmann::json::object(), wx::Idempotency::NotIdempotent);
  CHECK(created.status == 200);
  CHECK(server.refreshes == 2);
  // The new tokens are secrets like the first.
  CHECK(wx::redact("renewed-token-2-0123456789").find("renewed-token-2") == std::string::npos);
}

TEST_CASE("requests that meet the same expired token at once share one refresh") {
  TokenServer server;
  auto config = server.srv.config();
  config.access_token = "first-token-0123456789";
  config.refresh = kGrant;
  config.max_in_flight = 8;
  wx::WebexClient client(config);
  server.expire();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (client.get("/devices").is_object()) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(ok == 8);
  CHECK(server.refreshes == 1);
}

TEST_CASE("refresh credentials alone get the first access token") {
  TokenServer server;
  auto config = server.srv.config();
  config.access_token.clear();
  config.refresh = kGrant;
  wx::WebexClient client(config);
  server.expire();
  CHECK(client.get("/devices").is_object());
  CHECK(server.refreshes == 1);
}

TEST_CASE("without refresh credentials a 401 is an error that says what to do") {
  TokenServer server;
  auto config = server.srv.config();
  config.access_token = "first-token-0123456789";
  const std::string text = rejection(server, config);
  CHECK(text.find("GET /devices") != std::string::npos);
  CHECK(text.find("expired or was revoked") != std::string::npos);
  CHECK(text.find("WEBEX_REFRESH_TOKEN") != std::string::npos);
  CHECK(text.find("first-token") == std::string::npos);
  CHECK(server.refreshes == 0);
  CHECK(server.api_calls == 1);
}

TEST_CASE("a refused refresh is a 401 error that names the credentials, never their values") {
  TokenServer server;
  auto config = server.srv.config();
  config.access_token = "first-token-0123456789";
  config.refresh =
      wx::RefreshCredentials{"client-abc", "wrong-secret-0123456789", "refresh-token-0123456789"};
  const std::string text = rejection(server, config);
  CHECK(text.find("refreshing it failed") != std::string::npos);
  CHECK(text.find("invalid refresh token") != std::string::npos);
  CHECK(text.find("WEBEX_CLIENT_SECRET") != std::string::npos);
  CHECK(text.find("wrong-secret") == std::string::npos);
  CHECK(text.find("refresh-token-0123") == std::string::npos);
}

TEST_CASE("a token endpoint over plain http to another host is refused") {
  LocalServer srv;
  srv.start();
  auto config = srv.config();
  config.refresh = kGrant;
  config.token_url = "http://example.com/v1/access_token";
  CHECK_THROWS_AS(wx::WebexClient{config}, std::invalid_argument);
}
