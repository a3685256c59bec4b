// Injected faults (docs/emulator.md "Faults"): by chance with a seeded generator, slow answers with
// jitter, the statuses the client must handle, and faults given as options or in the seed.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "emulator/emulator_fixture.h"

using nlohmann::json;
using wx::emulator::EmulatorOptions;
using wx::emulator::test::Fixture;

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

// The statuses of `n` GET /locations, in order.
std::vector<int> statuses(Fixture& f, int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) out.push_back(f.get("/locations").status);
  return out;
}

int count_of(const std::vector<int>& values, int value) {
  int n = 0;
  for (int v : values) n += v == value ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("faults: probability fires by chance, unlimited without a count, repeatable by seed") {
  const json fault = {{"operation", "GET /locations"}, {"status", 503}, {"probability", 0.3}};
  Fixture a;
  REQUIRE(a.control("POST", "/_emulator/faults", fault).status == 201);
  CHECK(a.control("GET", "/_emulator/faults").body[0]["count"] == -1);
  const auto first = statuses(a, 200);
  const int failed = count_of(first, 503);
  CHECK(failed > 30);  // 60 expected; far outside binomial noise either way
  CHECK(failed < 90);
  CHECK(count_of(first, 200) == 200 - failed);
  CHECK(a.control("GET", "/_emulator/faults").body.size() == 1);  // still active

  Fixture same;  // the default seed: the same draws in the same order
  same.control("POST", "/_emulator/faults", fault);
  CHECK(statuses(same, 200) == first);

  auto options = Fixture::seeded();
  options.fault_seed = 12345;
  Fixture other(options);
  other.control("POST", "/_emulator/faults", fault);
  CHECK(statuses(other, 200) != first);

  Fixture never;
  never.control("POST", "/_emulator/faults",
                {{"operation", "/locations"}, {"status", 500}, {"probability", 0}});
  CHECK(count_of(statuses(never, 20), 200) == 20);

  SUBCASE("a count still limits a fault by chance") {
    Fixture f;
    f.control("POST", "/_emulator/faults",
              {{"operation", "/locations"}, {"status", 500}, {"probability", 0.5}, {"count", 3}});
    CHECK(count_of(statuses(f, 100), 500) == 3);
    CHECK(f.control("GET", "/_emulator/faults").body.empty());
  }
}

TEST_CASE("faults: bad probability, jitter and hostile fields are refused") {
  Fixture f;
  const std::vector<json> bad = {
      {{"status", 500}, {"probability", 1.5}},
      {{"status", 500}, {"probability", -0.1}},
      {{"status", 500}, {"probability", "often"}},
      {{"jitterMs", -5}},
      {{"body", "x"}, {"hugeBodyBytes", 10}},
      {{"headers", {{"Link", 5}}}},
      {{"hugeBodyBytes", -1}},
      {{"operation", "/devices"}},  // does nothing
  };
  for (const auto& fault : bad) {
    CAPTURE(fault.dump());
    CHECK(f.control("POST", "/_emulator/faults", fault).status == 400);
  }
  // An array is all or nothing, and the error names the bad entry.
  auto r = f.control("POST", "/_emulator/faults", json::array({{{"status", 500}}, {{"status", 5000}}}));
  CHECK(r.status == 400);
  CHECK(r.raw.find("fault 2") != std::string::npos);
  CHECK(f.control("GET", "/_emulator/faults").body.empty());
}

TEST_CASE("faults: jitterMs slows matching requests by a random 0..N ms; a delay lets later faults match") {
  Fixture f;
  f.control("POST", "/_emulator/faults", {{"operation", "GET /locations"}, {"jitterMs", 80}, {"count", -1}});
  f.control("POST", "/_emulator/faults", {{"operation", "GET /people"}, {"status", 502}});
  double slowest = 0;
  double total = 0;
  for (int i = 0; i < 12; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(f.get("/locations").status == 200);
    const double ms = elapsed_ms(t0);
    slowest = std::max(slowest, ms);
    total += ms;
  }
  CHECK(total > 12 * 15);  // mean 40 ms; each draw is uniform in 0..80
  CHECK(slowest > 40);
  CHECK(f.get("/devices").status == 200);  // not matched: not counted below

  // A delay-only fault for every request, then a status: both fire on one request.
  CHECK(f.control("GET", "/_emulator/stats").body["faultsFired"]["delay"] == 12);
  f.control("DELETE", "/_emulator/faults");
  f.control("POST", "/_emulator/stats/reset");
  f.control("POST", "/_emulator/faults",
            json::array({{{"delayMs", 60}, {"count", -1}}, {{"operation", "GET /people"}, {"status", 504}}}));
  const auto t1 = std::chrono::steady_clock::now();
  CHECK(f.get("/people").status == 504);
  CHECK(elapsed_ms(t1) >= 60);
  CHECK(f.get("/people").status == 200);
  auto stats = f.control("GET", "/_emulator/stats").body;
  CHECK(stats["faultsFired"]["504"] == 1);
  CHECK(stats["faultsFired"]["delay"] == 2);  // both /people calls were delayed
  CHECK(stats["totalFaultsFired"] == 3);
}

TEST_CASE("latency jitter: emulator-wide by option and by PUT /_emulator/latency") {
  auto options = Fixture::seeded();
  options.latency_jitter_ms = 200;
  Fixture f(options);
  double total = 0;
  for (int i = 0; i < 10; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f.get("/locations");
    total += elapsed_ms(t0);
  }
  CHECK(total > 10 * 50);  // mean 100 ms per call

  auto r = f.control("PUT", "/_emulator/latency", {{"jitterMs", 0}});
  CHECK(r.status == 200);
  CHECK(r.body == json{{"ms", 0}, {"jitterMs", 0}});
  total = 0;
  for (int i = 0; i < 10; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f.get("/locations");
    total += elapsed_ms(t0);
  }
  CHECK(total < 10 * 50);  // a loaded machine still answers well within this
  CHECK(f.control("PUT", "/_emulator/latency", {{"ms", 5}, {"jitterMs", 7}}).body ==
        json{{"ms", 5}, {"jitterMs", 7}});
  CHECK(f.control("PUT", "/_emulator/latency", {{"ms", 9}}).body == json{{"ms", 9}, {"jitterMs", 7}});
  CHECK(f.control("PUT", "/_emulator/latency", {{"jitterMs", -1}}).status == 400);
  CHECK(f.control("PUT", "/_emulator/latency", json::object()).status == 400);
}

TEST_CASE("faults: the statuses a client must handle, each a Webex error unless emptyBody") {
  Fixture f;
  for (int status : {500, 502, 503, 504}) {
    CAPTURE(status);
    f.control("POST", "/_emulator/faults", {{"operation", "GET /locations"}, {"status", status}});
    auto r = f.get("/locations");
    CHECK(r.status == status);
    CHECK(r.body["errors"].is_array());
    CHECK(r.header("Retry-After").empty());
    CHECK(f.get("/locations").status == 200);
  }
  f.control("POST", "/_emulator/faults",
            {{"operation", "GET /locations"}, {"status", 423}, {"retryAfter", 2}});
  auto locked = f.get("/locations");
  CHECK(locked.status == 423);
  CHECK(locked.header("Retry-After") == "2");
  f.control("POST", "/_emulator/faults", {{"operation", "GET /locations"}, {"status", 423}});
  locked = f.get("/locations");
  CHECK(locked.status == 423);
  CHECK(locked.header("Retry-After").empty());

  f.control("POST", "/_emulator/faults",
            {{"operation", "GET /locations"}, {"status", 429}, {"retryAfter", 1}});
  auto limited = f.get("/locations");
  CHECK(limited.status == 429);
  CHECK(limited.header("Retry-After") == "1");
  CHECK(limited.body["message"].is_string());
  f.control("POST", "/_emulator/faults",
            {{"operation", "GET /locations"}, {"status", 429}, {"retryAfter", 1}, {"emptyBody", true}});
  limited = f.get("/locations");
  CHECK(limited.status == 429);
  CHECK(limited.header("Retry-After") == "1");
  CHECK(limited.raw.empty());
  CHECK(f.get("/locations").status == 200);
}

TEST_CASE("hostile answers: a verbatim body, replaced headers, huge bodies") {
  Fixture f;
  SUBCASE("body and contentType answer instead of the operation") {
    f.control("POST", "/_emulator/faults", {{"operation", "GET /locations"}, {"body", "{\"items\": [1, 2"}});
    auto r = f.get("/locations");
    CHECK(r.status == 200);
    CHECK(r.raw == "{\"items\": [1, 2");
    CHECK(r.header("Content-Type") == "application/json");
    f.control("POST", "/_emulator/faults",
              {{"operation", "GET /locations"},
               {"status", 502},
               {"body", "<html>Bad gateway</html>"},
               {"contentType", "text/html"}});
    r = f.get("/locations");
    CHECK(r.status == 502);
    CHECK(r.header("Content-Type") == "text/html");
    CHECK(r.raw == "<html>Bad gateway</html>");
  }
  SUBCASE("headers alone alter the real answer") {
    f.control("POST", "/_emulator/faults",
              {{"operation", "GET /devices"}, {"headers", {{"Link", "<garbage"}, {"X-Extra", "1"}}}});
    auto r = f.get("/devices?max=1");
    CHECK(r.status == 200);
    CHECK(r.body["items"].size() == 1);  // the real list
    CHECK(r.header("Link") == "<garbage");
    CHECK(r.headers.count("Link") == 1);  // replaced, not added to the real next link
    CHECK(r.header("X-Extra") == "1");
  }
  SUBCASE("hugeBodyBytes: a huge list instead, or the real body padded after handling") {
    f.control("POST", "/_emulator/faults", {{"operation", "GET /locations"}, {"hugeBodyBytes", 2000000}});
    auto r = f.get("/locations");
    CHECK(r.status == 200);
    CHECK(r.raw.size() >= 2000000);
    CHECK(r.raw.size() < 2000100);
    REQUIRE(r.body.is_object());
    CHECK(r.body["items"].size() > 10000);

    f.control("POST", "/_emulator/faults",
              {{"operation", "GET /locations"}, {"hugeBodyBytes", 300000}, {"afterHandling", true}});
    r = f.get("/locations");
    CHECK(r.status == 200);
    CHECK(r.raw.size() >= 300000);
    REQUIRE(r.body.is_object());
    CHECK(r.body["items"].size() == 2);  // the real locations are still there
    CHECK(r.body["padding"].is_string());
  }
  SUBCASE("a body after handling: the change happened, the client sees garbage") {
    f.control("POST", "/_emulator/faults",
              {{"operation", "POST /devices"}, {"body", "not json"}, {"afterHandling", true}});
    auto r = f.call(
        "POST", "/devices",
        {{"mac", "001B54AA0102"}, {"model", "Cisco 8851"}, {"personId", f.person_id("alice@acme.example")}});
    CHECK(r.status == 200);
    CHECK(r.raw == "not json");
    CHECK(f.get("/devices?mac=001B54AA0102").body["items"].size() == 1);
  }
}

TEST_CASE("faults by option and in the seed are active from the start, after the seed's own") {
  auto options =
      Fixture::seeded(std::string(wx::emulator::test::kTestSeed) +
                      "faults:\n  - {operation: GET /locations, status: 503, count: 1, retryAfter: 2}\n"
                      "  - {pathPrefix: /people, status: 500, probability: 1.0}\n");
  options.faults = {R"({"operation": "GET /locations", "status": 504})",
                    R"([{"operation": "GET /workspaces", "status": 429, "emptyBody": true}])"};
  Fixture f(options);
  auto first = f.get("/locations");
  CHECK(first.status == 503);
  CHECK(first.header("Retry-After") == "2");
  CHECK(f.get("/locations").status == 504);
  CHECK(f.get("/locations").status == 200);
  CHECK(f.get("/people").status == 500);
  CHECK(f.get("/people").status == 500);  // probability without count: unlimited
  CHECK(f.get("/workspaces").status == 429);
  CHECK(f.control("GET", "/_emulator/faults").body.size() == 1);

  auto bad = Fixture::seeded();
  bad.faults = {R"({"status": 99})"};
  wx::emulator::Emulator broken(bad);
  CHECK_THROWS_WITH_AS(broken.start("127.0.0.1", 0), doctest::Contains("status must be an HTTP status code"),
                       std::runtime_error);
  bad.faults = {"{not json"};
  wx::emulator::Emulator unreadable(bad);
  CHECK_THROWS_AS(unreadable.start("127.0.0.1", 0), std::runtime_error);
  auto bad_seed = Fixture::seeded(std::string(wx::emulator::test::kTestSeed) + "faults: {status: 500}\n");
  wx::emulator::Emulator seeded(bad_seed);
  CHECK_THROWS_AS(seeded.start("127.0.0.1", 0), std::runtime_error);
}
