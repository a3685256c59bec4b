#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "wxphones/conformance/exchange.h"

using nlohmann::json;
using wx::conformance::exchange_from_json;
using wx::conformance::read_traffic_file;

TEST_CASE("an exchange line is parsed with every field") {
  const auto e = exchange_from_json(json::parse(R"({"method":"GET","path":"/devices","query":[["max","100"]],
    "requestContentType":"application/json","requestBody":null,"status":200,
    "responseContentType":"application/json","responseBody":{"items":[]}})"));
  CHECK(e.method == "GET");
  CHECK(e.path == "/devices");
  REQUIRE(e.query.size() == 1);
  CHECK(e.query[0].first == "max");
  CHECK(e.query[0].second == "100");
  CHECK(e.request_body.is_null());
  CHECK(e.status == 200);
  CHECK(e.response_body == json::parse(R"({"items":[]})"));
}

TEST_CASE("malformed exchanges are rejected with the field named") {
  CHECK_THROWS_WITH_AS(exchange_from_json(json::parse(R"({"path":"/x","status":200})")),
                       "field \"method\" missing or not a string", std::runtime_error);
  CHECK_THROWS_WITH_AS(exchange_from_json(json::parse(R"({"method":"GET","path":"/x","status":"200"})")),
                       "field \"status\" missing or not an integer", std::runtime_error);
  CHECK_THROWS_AS(
      exchange_from_json(json::parse(R"({"method":"GET","path":"/x","status":200,"query":[["a"]]})")),
      std::runtime_error);
}

TEST_CASE("traffic files: blank lines skipped, sources recorded, a bad line names file and line") {
  const auto dir = std::filesystem::temp_directory_path() / "wx_conformance_exchange_test";
  std::filesystem::create_directories(dir);
  const auto good = dir / "good.jsonl";
  std::ofstream(good) << R"({"method":"GET","path":"/a","status":200})"
                      << "\n\n"
                      << R"({"method":"POST","path":"/b","status":201})"
                      << "\n";
  const auto exchanges = read_traffic_file(good);
  REQUIRE(exchanges.size() == 2);
  CHECK(exchanges[1].source == "good.jsonl:3");
  const auto bad = dir / "bad.jsonl";
  std::ofstream(bad) << R"({"method":"GET","path":"/a","status":200})"
                     << "\n{oops\n";
  CHECK_THROWS_AS(read_traffic_file(bad), std::runtime_error);
  try {
    read_traffic_file(bad);
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("bad.jsonl:2") != std::string::npos);
  }
  std::filesystem::remove_all(dir);
}
