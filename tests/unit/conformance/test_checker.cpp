#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "mini_openapi.h"
#include "wxphones/conformance/checker.h"

using wx::conformance::CheckOptions;
using wx::conformance::ConformanceChecker;
using wx::conformance::Finding;
using wx::conformance::Where;
using wx::conformance::testing::exchange;
using wx::conformance::testing::mini_set;

namespace {

// "where path: message" per finding, for readable comparisons.
std::string summary(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += std::string(to_string(f.where)) + " " + f.instance_path + ": " + f.message + "\n";
  }
  return out;
}

std::string check(const char* line, CheckOptions options = {}) {
  static const auto set = mini_set();
  return summary(ConformanceChecker(set, options).check_exchange(exchange(line)));
}

}  // namespace

TEST_CASE("a conforming exchange has no findings and names its operation") {
  const auto set = mini_set();
  const auto outcome = ConformanceChecker(set).check(exchange(
      R"({"method":"GET","path":"/devices","query":[["max","100"],["type","phone"],["orgId","O1"],["tag","a"],["tag","b"]],
          "status":200,"responseContentType":"application/json; charset=utf-8",
          "responseBody":{"items":[{"id":"D1","created":"2024-05-01T12:00:00Z","tags":["x"]}]}})"));
  CHECK(outcome.operation == "GET /devices");
  CHECK(summary(outcome.findings) == "");
}

TEST_CASE("unknown paths and undocumented methods") {
  const auto set = mini_set();
  const auto unknown =
      ConformanceChecker(set).check(exchange(R"({"method":"get","path":"/devicez","status":200})"));
  CHECK(unknown.operation.empty());
  REQUIRE(unknown.findings.size() == 1);
  CHECK(unknown.findings[0].operation == "GET /devicez");
  CHECK(unknown.findings[0].where == Where::Operation);
  CHECK(unknown.findings[0].message == "unknown path: no documented operation matches GET /devicez");
  CHECK(check(R"({"method":"PUT","path":"/devices","status":200})") ==
        "operation : method PUT is not documented for this path; documented: GET, POST\n");
}

TEST_CASE("query parameters: declared names (path-level $ref too), typed values, required") {
  CHECK(
      check(R"({"method":"GET","path":"/devices","query":[["maxx","1"]],"status":404})") ==
      "request query /maxx: unknown query parameter \"maxx\"; expected one of: callingData, max, orgId, tag, "
      "type\n");
  CHECK(check(R"({"method":"GET","path":"/devices","query":[["type","desk"]],"status":404})") ==
        "request query /type: expected one of: roomdesk, phone; got \"desk\"\n");
  CHECK(check(R"({"method":"GET","path":"/devices","query":[["max","ten"]],"status":404})") ==
        "request query /max: expected a number, got \"ten\"\n");
  CHECK(
      check(
          R"({"method":"GET","path":"/devices","query":[["max","2.5"],["callingData","true"]],"status":404})") ==
      "");
  CHECK(check(R"({"method":"GET","path":"/devices","query":[["callingData","yes"]],"status":404})") ==
        "request query /callingData: expected a boolean, got \"yes\"\n");
  CHECK(
      check(R"({"method":"GET","path":"/devices","query":[["tag","ok"],["tag","toolong"]],"status":404})") ==
      "request query /tag: expected at most 5 characters, got 7\n");
  CHECK(
      check(
          R"({"method":"PATCH","path":"/deviceConfigurations","requestContentType":"application/json-patch+json",
                  "requestBody":{"op":"remove","path":"x"},"status":201,"responseContentType":"application/json",
                  "responseBody":{"deviceId":"D"}})") ==
      "request query /deviceId: missing required query parameter \"deviceId\"\n");
  CHECK(check(R"({"method":"POST","path":"/devices/activationCode","query":[["x","1"]],"status":200,
                  "responseBody":{"code":"1"}})") ==
        "request query /x: unknown query parameter \"x\"; this operation takes no query parameters\n");
}

TEST_CASE("request bodies: required only at the top level, types strict, content type, presence") {
  CHECK(check(R"({"method":"POST","path":"/devices","requestContentType":"application/json",
                  "requestBody":{"mac":"001B54AA0102","owner":{}},"status":200,"responseBody":{"id":"D"}})") ==
        "request body : missing required field \"model\"\n");
  CHECK(check(R"({"method":"POST","path":"/devices","requestContentType":"application/json",
                  "requestBody":{"mac":1,"model":"m"},"status":200,"responseBody":{"id":"D"}})") ==
        "request body /mac: expected a string, got a number\n");
  CHECK(check(R"({"method":"POST","path":"/devices","requestContentType":"text/plain",
                  "requestBody":{"mac":"m","model":"m"},"status":200,"responseBody":{"id":"D"}})") ==
        "request body : content type \"text/plain\" is not documented; documented: application/json\n");
  CHECK(check(R"({"method":"POST","path":"/devices","requestContentType":"application/json",
                  "requestBody":"{not json","status":200,"responseBody":{"id":"D"}})") ==
        "request body : the body is not valid JSON\n");
  CHECK(check(R"({"method":"POST","path":"/devices","status":200,"responseBody":{"id":"D"}})") ==
        "request body : missing request body (the operation requires one)\n");
  CHECK(check(R"({"method":"DELETE","path":"/devices/D","requestContentType":"application/json",
                  "requestBody":{"a":1},"status":204})") ==
        "request body : this operation takes no request body\n");
  CHECK(check(R"({"method":"POST","path":"/devices","requestContentType":"application/json",
                  "requestBody":{"mac":"m","model":"m","colour":"red"},"status":200,"responseBody":{"id":"D"}})") ==
        "request body /colour: undeclared field \"colour\"; the description lists: mac, model, owner, "
        "personId\n");
  CheckOptions lenient;
  lenient.report_undeclared_fields = false;
  CHECK(check(R"({"method":"POST","path":"/devices","requestContentType":"application/json",
                  "requestBody":{"mac":"m","model":"m","colour":"red"},"status":200,"responseBody":{"id":"D"}})",
              lenient) == "");
}

TEST_CASE(
    "responses: status documented, no required check, formats and enums strict, bodies where documented") {
  CHECK(check(R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"id":"D"}})") == "");
  CHECK(
      check(R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"created":"yesterday"}})") ==
      "response body /created: \"yesterday\" is not a valid date-time: expected a date-time such as "
      "2024-05-01T12:00:00Z\n");
  CHECK(check(R"({"method":"GET","path":"/devices/D","status":202,"responseBody":{"id":"D"}})") ==
        "response status : status 202 is not documented; documented: 200\n");
  CHECK(check(R"({"method":"DELETE","path":"/devices/D","status":204,"responseBody":{"id":"D"}})") ==
        "response body : status 204 is documented without a body, but the response has one\n");
  CHECK(check(R"({"method":"GET","path":"/devices/D","status":200,"responseBody":null})") ==
        "response body : expected a response body (application/json), got none\n");
  CHECK(
      check(R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"callingDeviceId":"C"}})") ==
      "");
}

TEST_CASE("a body without a Content-Type is reported and still checked") {
  const auto set = mini_set();
  const auto raw = wx::conformance::exchange_from_json(
      nlohmann::json::parse(R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"id":5}})"));
  CHECK(summary(ConformanceChecker(set).check_exchange(raw)) ==
        "response body : the body has no Content-Type; documented: application/json\n"
        "response body /id: expected a string, got a number\n");
}

TEST_CASE("error responses carry message and trackingId, errors an array; no body or non-JSON is fine") {
  CHECK(check(R"({"method":"GET","path":"/devices","status":404,
                  "responseBody":{"message":"m","errors":[{"description":"d"}],"trackingId":"T"}})") == "");
  CHECK(check(R"({"method":"GET","path":"/devices","status":404,"responseBody":null})") == "");
  CHECK(check(R"({"method":"GET","path":"/devices","status":404,"responseBody":"Not Found"})") == "");
  CHECK(
      check(
          R"({"method":"GET","path":"/devices","status":404,"responseBody":{"errors":{},"trackingId":7}})") ==
      "response body : error body: missing required field \"message\"\n"
      "response body /trackingId: error body: expected a string\n"
      "response body /errors: error body: expected an array\n");
  // An undocumented error status is reported, and its body still checked.
  CHECK(check(R"({"method":"GET","path":"/devices","status":418,"responseBody":{"message":"m"}})") ==
        "response status : status 418 is not documented; documented: 200, 404\n"
        "response body : error body: missing required field \"trackingId\"\n");
}
