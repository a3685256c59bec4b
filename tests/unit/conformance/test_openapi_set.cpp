#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "mini_openapi.h"
#include "wxphones/conformance/openapi_set.h"

using wx::conformance::OpenApiSet;
using wx::conformance::testing::mini_set;

TEST_CASE("match: templates, literal segments win, method case, trailing slash") {
  const auto set = mini_set();
  const auto* op = set.match("get", "/devices/Y2lzY29zcGFyazovL3VzL0RFVklDRS8x");
  REQUIRE(op != nullptr);
  CHECK(op->key() == "GET /devices/{deviceId}");
  CHECK(op->pointer == "/paths/~1devices~1{deviceId}/get");
  const auto* literal = set.match("POST", "/devices/activationCode");
  REQUIRE(literal != nullptr);
  CHECK(literal->path_template == "/devices/activationCode");
  // The same path with a method only the template has resolves to the template.
  REQUIRE(set.match("DELETE", "/devices/activationCode") != nullptr);
  CHECK(set.match("DELETE", "/devices/activationCode")->path_template == "/devices/{deviceId}");
  REQUIRE(set.match("GET", "/devices/") != nullptr);
  CHECK(set.match("GET", "/devices/")->path_template == "/devices");
  CHECK(set.match("GET", "/devices/a/b") == nullptr);
  CHECK(set.match("PUT", "/devices") == nullptr);
  CHECK(set.match("GET", "/devicez") == nullptr);
}

TEST_CASE("methods_for lists what a path documents") {
  const auto set = mini_set();
  CHECK(set.methods_for("/devices") == std::vector<std::string>{"GET", "POST"});
  CHECK(set.methods_for("/nowhere").empty());
}

TEST_CASE("load_directory reads JSON and YAML descriptions, and fails on a missing directory") {
  const auto dir = std::filesystem::temp_directory_path() / "wx_conformance_load_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.json")
      << R"({"openapi":"3.0.0","paths":{"/a":{"get":{"responses":{"200":{"description":"OK"}}}}}})";
  std::ofstream(dir / "b.yml")
      << "openapi: 3.0.0\npaths:\n  /b/{id}:\n    put:\n      responses:\n        '204':\n"
         "          description: No Content\n";
  std::ofstream(dir / "notes.txt") << "ignored";
  const auto set = OpenApiSet::load_directory(dir);
  CHECK(set.document_count() == 2);
  CHECK(set.document_name(1) == "b.yml");
  REQUIRE(set.match("PUT", "/b/7") != nullptr);
  CHECK(set.match("PUT", "/b/7")->document == 1);
  CHECK(set.match("GET", "/a") != nullptr);
  std::filesystem::remove_all(dir);
  CHECK_THROWS_AS(OpenApiSet::load_directory(dir), std::runtime_error);
}
