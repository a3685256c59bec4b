#include <doctest/doctest.h>

#include <atomic>
#include <chrono>

#include "webex/local_server.h"
#include "wxphones/webex/webex_client.h"

using namespace std::chrono_literals;
using wx::webex_test::LocalServer;

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

TEST_CASE("429 waits Retry-After seconds and then succeeds") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls <= 2) {
      res.status = 429;
      res.set_header("Retry-After", "3");
      return;
    }
    res.set_content(R"({"items":[]})", "application/json");
  });
  srv.start();
  auto config = srv.config();
  config.retry_after_unit = 20ms;  // 3 "seconds" = 60 ms
  wx::WebexClient client(config);
  auto start = std::chrono::steady_clock::now();
  auto body = client.get("/devices");
  CHECK(body.is_object());
  CHECK(calls == 3);
  CHECK(elapsed_ms(start) >= 2 * 60.0);
}

TEST_CASE("429 retries are bounded and a huge Retry-After is capped") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 429;
    res.set_header("Retry-After", "100000");
  });
  srv.start();
  auto config = srv.config();
  config.retry_after_unit = 10ms;
  config.max_retry_after = 2s;  // 2 units = 20 ms per wait instead of 1000 s
  config.max_429_retries = 3;
  wx::WebexClient client(config);
  auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(client.get("/devices"), wx::ApiError);
  CHECK(calls == 4);
  CHECK(elapsed_ms(start) >= 3 * 20.0);
  CHECK(elapsed_ms(start) < 5000.0);
}

TEST_CASE("429 without Retry-After waits the default 5 seconds") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls == 1) {
      res.status = 429;
      return;
    }
    res.set_content("{}", "application/json");
  });
  srv.start();
  auto config = srv.config();
  config.retry_after_unit = 10ms;
  wx::WebexClient client(config);
  auto start = std::chrono::steady_clock::now();
  client.get("/devices");
  CHECK(calls == 2);
  CHECK(elapsed_ms(start) >= 50.0);
}

TEST_CASE("a non-idempotent POST is retried after 429 (not processed) and after 423 with Retry-After") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    int n = ++calls;
    if (n == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
    } else if (n == 2) {
      res.status = 423;
      res.set_header("Retry-After", "1");
    } else {
      res.set_content(R"({"id":"D1"})", "application/json");
    }
  });
  srv.start();
  wx::WebexClient client(srv.config());
  auto r = client.post("/devices", {{"mac", "001122334455"}}, wx::Idempotency::NotIdempotent);
  CHECK(r.body["id"] == "D1");
  CHECK(calls == 3);
}

TEST_CASE("423 without Retry-After is an error at once") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Put("/v1/thing", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 423;
  });
  srv.start();
  wx::WebexClient client(srv.config());
  CHECK_THROWS_AS(client.put("/thing", nlohmann::json::object()), wx::ApiError);
  CHECK(calls == 1);
}

TEST_CASE("5xx is retried for GET with backoff, up to max_retries") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Get("/v1/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls < 3) {
      res.status = 503;
      return;
    }
    res.set_content(R"({"ok":true})", "application/json");
  });
  srv.server.Get("/v1/broken", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 500;
  });
  srv.start();
  auto config = srv.config();
  config.max_retries = 2;
  wx::WebexClient client(config);
  CHECK(client.get("/flaky")["ok"] == true);
  CHECK(calls == 3);

  calls = 0;
  try {
    client.get("/broken");
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 500);
  }
  CHECK(calls == 3);  // first try + max_retries
}

TEST_CASE("a non-idempotent POST is never repeated after 5xx; an idempotent one is") {
  LocalServer srv;
  std::atomic<int> create_calls{0};
  std::atomic<int> validate_calls{0};
  srv.server.Post("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++create_calls;
    res.status = 502;
  });
  srv.server.Post("/v1/validate", [&](const httplib::Request&, httplib::Response& res) {
    if (++validate_calls == 1) {
      res.status = 503;
      return;
    }
    res.set_content(R"({"status":"OK"})", "application/json");
  });
  srv.start();
  wx::WebexClient client(srv.config());
  CHECK_THROWS_AS(client.post("/devices", nlohmann::json::object(), wx::Idempotency::NotIdempotent),
                  wx::ApiError);
  CHECK(create_calls == 1);
  CHECK(client.post("/validate", nlohmann::json::object(), wx::Idempotency::Idempotent).body["status"] ==
        "OK");
  CHECK(validate_calls == 2);
}

TEST_CASE("4xx other than 429/423 is never retried") {
  LocalServer srv;
  std::atomic<int> calls{0};
  srv.server.Get("/v1/devices", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 400;
  });
  srv.start();
  wx::WebexClient client(srv.config());
  CHECK_THROWS_AS(client.get("/devices"), wx::ApiError);
  CHECK(calls == 1);
}
