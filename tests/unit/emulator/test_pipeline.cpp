#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "emulator/emulator_fixture.h"
#include "emulator/ids.h"

using wx::emulator::test::Fixture;

TEST_CASE("bearer token check: anything but a seeded token is a 401 Webex error") {
  Fixture f;
  for (const std::string token : {"", "bad-token"}) {
    auto r = f.call("GET", "/devices", nullptr, token);
    CHECK(r.status == 401);
    CHECK(r.body["message"].is_string());
    CHECK(r.body["errors"][0]["description"].is_string());
    CHECK(r.body["trackingId"].get<std::string>().rfind("EMULATOR_", 0) == 0);
    CHECK(r.raw.find("bad-token") == std::string::npos);  // a token never echoes back
  }
  CHECK(f.get("/devices").status == 200);
}

TEST_CASE("unknown paths are 404 Webex errors, unknown methods 405; orgId is accepted") {
  Fixture f;
  auto r = f.get("/nothing/here");
  CHECK(r.status == 404);
  CHECK(r.body["errors"].is_array());
  CHECK(f.call("PUT", "/devices").status == 405);
  CHECK(f.call("GET", "/devices/activationCode").status == 404);  // GET /devices/{deviceId}
  auto org = f.control("GET", "/_emulator/state").body["org"]["id"].get<std::string>();
  CHECK(f.get("/devices?orgId=" + org).status == 200);
  CHECK(f.get("/devices?orgId=" + wx::emulator::make_id("ORGANIZATION", "other")).status == 403);
}

TEST_CASE("stats count API calls per method and OpenAPI template, split into reads and writes") {
  Fixture f;
  auto id = f.get("/devices?mac=001B54AA0003").body["items"][0]["id"].get<std::string>();
  f.get("/devices/" + id);
  f.get("/devices/" + id);
  f.call("PATCH", "/devices/" + id, {{"op", "remove"}, {"path", "tags"}}, "good-token",
         "application/json-patch+json");
  f.call("POST", "/telephony/config/devices/actions/validateMacs/invoke", {{"macs", {"001122334455"}}});
  f.control("GET", "/_emulator/state");  // never counted
  auto s = f.control("GET", "/_emulator/stats").body;
  CHECK(s["requests"]["GET /devices"] == 1);
  CHECK(s["requests"]["GET /devices/{deviceId}"] == 2);
  CHECK(s["writes"]["PATCH /devices/{deviceId}"] == 1);
  CHECK(s["reads"]["POST /telephony/config/devices/actions/validateMacs/invoke"] == 1);
  CHECK_FALSE(s["writes"].contains("POST /telephony/config/devices/actions/validateMacs/invoke"));
  CHECK(s["totalRequests"] == 5);
  CHECK(s["totalWrites"] == 1);
  CHECK(f.control("POST", "/_emulator/stats/reset").status == 204);
  CHECK(f.control("GET", "/_emulator/stats").body["totalRequests"] == 0);
}

TEST_CASE("faults: status with Retry-After for `count` calls, empty body, dropped connection") {
  Fixture f;
  auto added = f.control(
      "POST", "/_emulator/faults",
      {{"operation", "/devices"}, {"method", "GET"}, {"status", 503}, {"count", 2}, {"retryAfter", 3}});
  CHECK(added.status == 201);
  auto r = f.get("/devices");
  CHECK(r.status == 503);
  CHECK(r.header("Retry-After") == "3");
  CHECK(r.body["trackingId"].is_string());
  CHECK(f.get("/devices/x").status == 404);  // another operation: untouched
  CHECK(f.get("/devices").status == 503);
  CHECK(f.get("/devices").status == 200);  // count used up

  f.control("POST", "/_emulator/faults",
            {{"pathPrefix", "/telephony"}, {"status", 423}, {"emptyBody", true}});
  auto locked = f.get("/telephony/config/supportedDevices");
  CHECK(locked.status == 423);
  CHECK(locked.raw.empty());

  f.control("POST", "/_emulator/faults",
            {{"operation", "GET /people"}, {"closeConnection", true}, {"count", -1}});
  CHECK(f.get("/people").status == 0);  // transport error
  CHECK(f.get("/people").status == 0);
  CHECK(f.control("DELETE", "/_emulator/faults").status == 204);
  CHECK(f.get("/people").status == 200);
  CHECK(f.control("POST", "/_emulator/faults", {{"operation", "/devices"}}).status == 400);  // does nothing
}

TEST_CASE("faults after handling: the operation happens, its response is lost") {
  Fixture f;
  f.control("POST", "/_emulator/faults",
            {{"operation", "PATCH /devices/{deviceId}"}, {"status", 500}, {"afterHandling", true}});
  const auto devices = f.get("/devices?mac=001B54AA0003");
  REQUIRE(devices.status == 200);
  const std::string id = devices.body["items"][0]["id"];
  auto r = f.call("PATCH", "/devices/" + id,
                  nlohmann::json::array({{{"op", "replace"}, {"path", "tags"}, {"value", {"x"}}}}));
  CHECK(r.status == 500);
  CHECK(f.get("/devices/" + id).body["tags"] == nlohmann::json{"x"});  // the change was made
}

TEST_CASE("rate limit: 429 with whole-second Retry-After, with and without a body") {
  auto options = Fixture::seeded();
  options.rate_limit_rps = 0.5;
  options.rate_limit_burst = 2;
  Fixture f(options);
  CHECK(f.get("/locations").status == 200);
  CHECK(f.get("/locations").status == 200);
  auto first = f.get("/locations");
  auto second = f.get("/locations");
  CHECK(first.status == 429);
  CHECK(second.status == 429);
  CHECK(std::stoi(first.header("Retry-After")) >= 1);
  CHECK(first.raw.empty() != second.raw.empty());                          // alternates
  CHECK(f.call("GET", "/locations", nullptr, "bad-token").status == 401);  // token check comes first
  CHECK(f.control("GET", "/_emulator/state").status == 200);               // control API is never limited
}

TEST_CASE("latency option delays API calls") {
  auto options = Fixture::seeded();
  options.latency_ms = 150;
  Fixture f(options);
  auto t0 = std::chrono::steady_clock::now();
  f.get("/locations");
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(150));
}

TEST_CASE("latency can be changed while serving, and a bad value is refused") {
  Fixture f;
  CHECK(f.control("PUT", "/_emulator/latency", {{"ms", -1}}).status == 400);
  CHECK(f.control("PUT", "/_emulator/latency", {{"milliseconds", 5}}).status == 400);
  auto set = f.control("PUT", "/_emulator/latency", {{"ms", 150}});
  REQUIRE(set.status == 200);
  CHECK(set.body["ms"] == 150);
  auto t0 = std::chrono::steady_clock::now();
  f.get("/locations");
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(150));
  CHECK(f.control("PUT", "/_emulator/latency", {{"ms", 0}}).status == 200);
}

TEST_CASE("traffic log: one JSON line per API exchange, control calls excluded") {
  auto path = std::filesystem::temp_directory_path() /
              ("wx-emulator-traffic-" + std::to_string(::getpid()) + ".jsonl");
  std::filesystem::remove(path);
  {
    auto options = Fixture::seeded();
    options.traffic_log_path = path.string();
    Fixture f(options);
    f.get("/devices?max=1&tag=hq");
    f.call("POST", "/telephony/config/devices/actions/validateMacs/invoke", {{"macs", {"001122334455"}}});
    f.control("GET", "/_emulator/state");
    f.call("DELETE", "/devices/nope");
  }
  std::ifstream in(path);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  std::filesystem::remove(path);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["method"] == "GET");
  CHECK(lines[0]["path"] == "/devices");
  CHECK(lines[0]["query"] == nlohmann::json::parse(R"([["max","1"],["tag","hq"]])"));
  CHECK(lines[0]["requestBody"].is_null());
  CHECK(lines[0]["status"] == 200);
  CHECK(lines[0]["responseContentType"] == "application/json");
  CHECK(lines[0]["responseBody"]["items"].size() == 1);
  CHECK(lines[1]["requestBody"]["macs"][0] == "001122334455");
  CHECK(lines[1]["requestContentType"] == "application/json");
  CHECK(lines[2]["status"] == 404);
  for (const auto& l : lines) CHECK(l.dump().find("good-token") == std::string::npos);
}

TEST_CASE("control API: edit a device as an admin would, bring it online and offline") {
  Fixture f;
  auto r = f.control("PATCH", "/_emulator/devices/00:1B:54:AA:00:10",
                     {{"tags", {"changed-in-control-hub"}}, {"displayName", "Kitchen phone"}});
  REQUIRE(r.status == 200);
  auto d = f.get("/devices?mac=001B54AA0010").body["items"][0];
  CHECK(d["tags"] == nlohmann::json({"changed-in-control-hub"}));
  CHECK(d["displayName"] == "Kitchen phone");
  CHECK(f.control("POST", "/_emulator/devices/001B54AA0010/online").status == 200);
  CHECK(f.get("/devices?mac=001B54AA0010").body["items"][0]["connectionStatus"] == "connected");
  CHECK(f.control("POST", "/_emulator/devices/001B54AA0010/offline").status == 200);
  CHECK(f.get("/devices?mac=001B54AA0010").body["items"][0]["connectionStatus"] == "disconnected");
  CHECK(f.control("POST", "/_emulator/devices/FFFFFFFFFFFF/online").status == 404);
  auto state = f.control("GET", "/_emulator/state").body;
  CHECK(state["devices"].size() == 3);
  CHECK(state["people"].size() == 3);
  CHECK(f.control("GET", "/_emulator/nothing").status == 404);
}
