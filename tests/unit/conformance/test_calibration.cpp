// Each calibration rule of src/conformance/calibration.cpp: the exchange passes with the rule and is a
// finding without it (WEBEX_API.md §12-14).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "conformance/calibration_hooks.h"
#include "mini_openapi.h"
#include "wxphones/conformance/calibration.h"
#include "wxphones/conformance/checker.h"

using wx::conformance::calibration_rules;
using wx::conformance::CheckOptions;
using wx::conformance::CheckOutcome;
using wx::conformance::ConformanceChecker;
using wx::conformance::testing::exchange;
using wx::conformance::testing::mini_set;

namespace {

// The rules this file tests; the last test case holds it equal to the table, so a new rule needs a test.
const std::set<std::string> kTestedRules = {"tags-patch-array",
                                            "device-configurations-patch-array",
                                            "device-settings-model-param",
                                            "dynamic-settings-action",
                                            "planned-maintenance-string",
                                            "job-error-code-null",
                                            "job-error-type",
                                            "unknown-status-enum-values",
                                            "unknown-lifecycle-enum-values",
                                            "create-device-empty-response",
                                            "device-configurations-patch-200",
                                            "example-fields",
                                            "device-configurations-key-map",
                                            "device-configurations-items-map",
                                            "apply-line-key-template-errors-items",
                                            "apply-default-templates-without-template-id"};

CheckOutcome run(const char* line, const std::string& disabled = "", bool calibrated_descriptions = true) {
  const auto set = mini_set(calibrated_descriptions);
  CheckOptions options;
  if (!disabled.empty()) {
    options.disabled_rules.insert(disabled);
  }
  return ConformanceChecker(set, options).check(exchange(line));
}

// The heart of every rule test: clean with the rule (and the rule says so), findings without it.
void check_rule(const std::string& rule, const char* line, const std::string& expected_without) {
  REQUIRE(kTestedRules.count(rule) == 1);
  const auto with = run(line);
  CHECK_MESSAGE(with.findings.empty(), rule, ": ", (with.findings.empty() ? "" : with.findings[0].message));
  CHECK(std::count(with.rules_applied.begin(), with.rules_applied.end(), rule) == 1);
  const auto without = run(line, rule);
  REQUIRE_MESSAGE(!without.findings.empty(), rule);
  CHECK(without.findings[0].message == expected_without);
}

}  // namespace

TEST_CASE("tags-patch-array: the tags PATCH body is an array of ops, each still checked") {
  const char* line =
      R"({"method":"PATCH","path":"/devices/D","requestContentType":"application/json-patch+json",
      "requestBody":[{"op":"replace","path":"tags","value":["a"]}],"status":200,"responseBody":{"id":"D"}})";
  check_rule("tags-patch-array", line, "expected an object, got an array");
  const auto bad =
      run(R"({"method":"PATCH","path":"/devices/D","requestContentType":"application/json-patch+json",
      "requestBody":[{"op":"replace","path":"tags","value":["a"]},{"op":"move"}],"status":200,"responseBody":{"id":"D"}})");
  REQUIRE(bad.findings.size() == 1);
  CHECK(bad.findings[0].instance_path == "/1/op");
  // A single object (what the schema says) is fine too.
  CHECK(run(R"({"method":"PATCH","path":"/devices/D","requestContentType":"application/json-patch+json",
      "requestBody":{"op":"add","path":"tags","value":["a"]},"status":200,"responseBody":{"id":"D"}})")
            .findings.empty());
}

TEST_CASE("device-configurations-patch-array") {
  check_rule("device-configurations-patch-array",
             R"({"method":"PATCH","path":"/deviceConfigurations","query":[["deviceId","D"]],
      "requestContentType":"application/json-patch+json","requestBody":[{"op":"replace","path":"A.B/sources/configured/value","value":5}],
      "status":201,"responseContentType":"application/json","responseBody":{"deviceId":"D"}})",
             "expected an object, got an array");
}

TEST_CASE("device-settings-model-param") {
  check_rule("device-settings-model-param",
             R"({"method":"PUT","path":"/telephony/config/devices/D/settings",
      "query":[["deviceModel","DMS Cisco 9861"],["model","DMS Cisco 9861"]],
      "requestContentType":"application/json","requestBody":{"customEnabled":true},"status":204})",
             "unknown query parameter \"model\"; expected one of: deviceModel");
}

TEST_CASE("dynamic-settings-action: SET/CLEAR accepted where the description says otherwise") {
  const char* line = R"({"method":"PUT","path":"/telephony/config/devices/D/dynamicSettings",
      "requestContentType":"application/json","requestBody":{"tags":[{"tag":"%A%","action":"SET","value":"1"},
      {"tag":"%B%","action":"CLEAR"}]},"status":204})";
  check_rule("dynamic-settings-action", line, "expected one of: ADD, DELETE; got \"SET\"");
  const auto other = run(R"({"method":"PUT","path":"/telephony/config/devices/D/dynamicSettings",
      "requestContentType":"application/json","requestBody":{"tags":[{"tag":"%A%","action":"TOGGLE"}]},"status":204})");
  CHECK(other.findings.size() == 1);
}

TEST_CASE("planned-maintenance-string") {
  check_rule(
      "planned-maintenance-string",
      R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"id":"D","plannedMaintenance":"off"}})",
      "expected an object, got \"off\"");
}

TEST_CASE("job-error-code-null and job-error-type") {
  const char* code_null =
      R"({"method":"GET","path":"/telephony/config/jobs/devices/rebuildPhones/J/errors","status":200,
      "responseBody":{"items":[{"itemNumber":0,"trackingId":"T","error":{"key":"500","message":[{"description":"d","code":null}]}}]}})";
  check_rule("job-error-code-null", code_null, "expected a string, got null");
  const char* error_type =
      R"({"method":"GET","path":"/telephony/config/jobs/devices/rebuildPhones/J/errors","status":200,
      "responseBody":{"items":[{"itemNumber":0,"trackingId":"T","errorType":"ERROR","error":{"key":"500"}}]}})";
  check_rule("job-error-type", error_type,
             "undeclared field \"errorType\"; the description lists: error, itemNumber, trackingId");
}

TEST_CASE("unknown-status-enum-values and unknown-lifecycle-enum-values, responses only") {
  check_rule(
      "unknown-status-enum-values",
      R"({"method":"GET","path":"/devices","status":200,"responseBody":{"items":[{"id":"D","connectionStatus":"pending"}]}})",
      "expected one of: connected, disconnected, activating; got \"pending\"");
  check_rule(
      "unknown-lifecycle-enum-values",
      R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"id":"D","lifecycle":"BETA"}})",
      "expected one of: ACTIVE, RETIRED; got \"BETA\"");
  // Still a type check: a number is not tolerated.
  CHECK(run(R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"connectionStatus":5}})")
            .findings.size() == 1);
}

TEST_CASE("create-device-empty-response") {
  check_rule("create-device-empty-response",
             R"({"method":"POST","path":"/devices","requestContentType":"application/json",
      "requestBody":{"mac":"001B54AA0102","model":"DMS Cisco 8851"},"status":200,"responseBody":null})",
             "expected a response body (application/json), got none");
}

TEST_CASE("device-configurations-patch-200") {
  check_rule("device-configurations-patch-200",
             R"({"method":"PATCH","path":"/deviceConfigurations","query":[["deviceId","D"]],
      "requestContentType":"application/json-patch+json","requestBody":{"op":"remove","path":"A/sources/configured/value"},
      "status":200,"responseContentType":"application/json","responseBody":{"deviceId":"D"}})",
             "status 200 is not documented; documented: 201");
}

TEST_CASE("example-fields: undeclared fields shown by the documented example are accepted") {
  check_rule(
      "example-fields",
      R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"id":"D","callingDeviceId":"C"}})",
      "undeclared field \"callingDeviceId\"; the description lists: connectionStatus, created, id, "
      "lifecycle, "
      "plannedMaintenance, tags");
  // A field the example does not show is still reported.
  CHECK(run(R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"webexDeviceId":"W"}})")
            .findings.size() == 1);
}

TEST_CASE("device-configurations-key-map: the configuration_key placeholder stands for every key") {
  const char* line = R"({"method":"PATCH","path":"/deviceConfigurations","query":[["deviceId","D"]],
      "requestContentType":"application/json-patch+json","requestBody":{"op":"remove","path":"A/sources/configured/value"},
      "status":201,"responseContentType":"application/json",
      "responseBody":{"deviceId":"D","items":{"Audio.Ultrasound.MaxVolume":{"value":50,"source":"configured"}}}})";
  CHECK(run(line).findings.empty());
  const auto raw = run(line, "", false);
  REQUIRE(raw.findings.size() == 1);
  CHECK(raw.findings[0].message.rfind("undeclared field \"Audio.Ultrasound.MaxVolume\"", 0) == 0);
  // Values are still checked against the placeholder's schema.
  CHECK(run(R"({"method":"PATCH","path":"/deviceConfigurations","query":[["deviceId","D"]],
      "requestContentType":"application/json-patch+json","requestBody":{"op":"remove","path":"A"},
      "status":201,"responseContentType":"application/json",
      "responseBody":{"deviceId":"D","items":{"A":{"source":"elsewhere"}}}})")
            .findings.size() == 1);
}

namespace {

// The applyLineKeyTemplate errors operation as Cisco's description has it: one error object, no list.
CheckOutcome run_apply_errors(const nlohmann::json& response_body, const std::string& disabled = "") {
  wx::conformance::OpenApiSet set;
  set.add_document("apply.json", nlohmann::json::parse(R"J({
    "openapi": "3.0.0", "info": {"title": "t", "version": "1"},
    "paths": {"/telephony/config/jobs/devices/applyLineKeyTemplate/{jobId}/errors": {"get": {
      "parameters": [{"name": "jobId", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"type": "object", "required": ["trackingId"], "properties": {
          "trackingId": {"type": "string"},
          "error": {"type": "object", "properties": {"description": {"type": "string"}, "code": {"type": "string"},
                                                     "locationId": {"type": "string"}}}}},
        "example": {"error": {"key": "500", "message": [{"code": "BATCH-0", "locationId": null}]},
                    "trackingId": "NA_b5"}}}}}}}}})J"));
  CheckOptions options;
  if (!disabled.empty()) {
    options.disabled_rules.insert(disabled);
  }
  nlohmann::json line = {{"method", "GET"},
                         {"path", "/telephony/config/jobs/devices/applyLineKeyTemplate/J/errors"},
                         {"status", 200},
                         {"responseContentType", "application/json"},
                         {"responseBody", response_body}};
  return ConformanceChecker(set, options).check(wx::conformance::exchange_from_json(line));
}

}  // namespace

TEST_CASE("apply-line-key-template-errors-items: the {items:[...]} list form of WEBEX_API.md §6.8") {
  const std::string rule = "apply-line-key-template-errors-items";
  REQUIRE(kTestedRules.count(rule) == 1);
  const auto list =
      nlohmann::json::parse(R"({"items":[{"itemNumber":0,"item":"D","trackingId":"T","errorType":"ERROR",
      "error":{"key":"500","message":[{"description":"d","code":null,"locationId":"L"}]}}]})");
  const auto with = run_apply_errors(list);
  CHECK_MESSAGE(with.findings.empty(), (with.findings.empty() ? "" : with.findings[0].message));
  CHECK(std::count(with.rules_applied.begin(), with.rules_applied.end(), rule) == 1);
  const auto without = run_apply_errors(list, rule);
  REQUIRE(without.findings.size() == 1);
  CHECK(without.findings[0].message ==
        "undeclared field \"items\"; the description lists: error, trackingId");
  // An empty list is the answer for a job without failures.
  CHECK(run_apply_errors(nlohmann::json::parse(R"({"items":[]})")).findings.empty());
  // Items must still look like error objects.
  CHECK(run_apply_errors(nlohmann::json::parse(R"({"items":[{"itemNumber":0}]})")).findings.size() == 1);
  CHECK(run_apply_errors(nlohmann::json::parse(R"({"items":"none"})")).findings.size() == 1);
  // The single object of the description still passes on its own.
  CHECK(run_apply_errors(nlohmann::json::parse(R"({"trackingId":"T","error":{"code":"BATCH-0"}})"))
            .findings.empty());
}

namespace {

// The applyLineKeyTemplate job start as Cisco's description has it: action and templateId required.
CheckOutcome run_apply_job(const nlohmann::json& request_body, const std::string& disabled = "") {
  wx::conformance::OpenApiSet set;
  set.add_document("apply.json", nlohmann::json::parse(R"J({
    "openapi": "3.0.0", "info": {"title": "t", "version": "1"},
    "paths": {"/telephony/config/jobs/devices/applyLineKeyTemplate": {"post": {
      "requestBody": {"content": {"application/json": {"schema": {"type": "object",
        "required": ["action", "templateId"],
        "properties": {"action": {"type": "string"}, "templateId": {"type": "string"},
                       "locationIds": {"type": "array", "items": {"type": "string"}}}}}}},
      "responses": {"202": {"description": "Accepted"}}}}}})J"));
  CheckOptions options;
  if (!disabled.empty()) {
    options.disabled_rules.insert(disabled);
  }
  nlohmann::json line = {{"method", "POST"},
                         {"path", "/telephony/config/jobs/devices/applyLineKeyTemplate"},
                         {"requestContentType", "application/json"},
                         {"requestBody", request_body},
                         {"status", 202}};
  return ConformanceChecker(set, options).check(wx::conformance::exchange_from_json(line));
}

}  // namespace

TEST_CASE("apply-default-templates-without-template-id: WEBEX_API.md §6.8") {
  const std::string rule = "apply-default-templates-without-template-id";
  REQUIRE(kTestedRules.count(rule) == 1);
  const auto body = nlohmann::json::parse(R"({"action":"APPLY_DEFAULT_TEMPLATES","locationIds":["L"]})");
  const auto with = run_apply_job(body);
  CHECK_MESSAGE(with.findings.empty(), (with.findings.empty() ? "" : with.findings[0].message));
  CHECK(std::count(with.rules_applied.begin(), with.rules_applied.end(), rule) == 1);
  CHECK(run_apply_job(body, rule).findings.size() == 1);
  // APPLY_TEMPLATE still needs its template.
  CHECK(run_apply_job(nlohmann::json::parse(R"({"action":"APPLY_TEMPLATE"})")).findings.size() == 1);
}

namespace {

// GET /deviceConfigurations shaped like Cisco's description: `items` is DeviceConfiguration, whose one
// property `configuration_key` stands for the map key; the placeholder lists no `value` fields and an
// empty `valueSpace`, while the example shows `value` under a key other than the device's.
CheckOutcome run_configurations(const nlohmann::json& items, const std::string& disabled = "") {
  wx::conformance::OpenApiSet set;
  set.add_document("configurations.json", nlohmann::json::parse(R"J({
    "openapi": "3.0.0", "info": {"title": "t", "version": "1"},
    "paths": {"/deviceConfigurations": {"get": {
      "parameters": [{"name": "deviceId", "in": "query", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"type": "object", "properties": {"deviceId": {"type": "string"},
                                                    "items": {"$ref": "#/components/schemas/DeviceConfiguration"}}},
        "example": {"deviceId": "D", "items": {"Audio.Ultrasound.MaxVolume": {"value": 70, "source": "default",
          "sources": {"default": {"value": 70, "editability": {"isEditable": false, "reason": "FACTORY_DEFAULT"}},
                      "configured": {"value": null, "editability": {"isEditable": true}}},
          "valueSpace": {"type": "integer", "maximum": 100, "minimum": 0}}}}}}}}}}},
    "components": {"schemas": {"DeviceConfiguration": {"type": "object", "properties": {"configuration_key": {
      "type": "object", "properties": {
        "source": {"type": "string", "enum": ["default", "configured"]},
        "sources": {"type": "object", "properties": {
          "default": {"type": "object", "properties": {"editability": {"type": "object", "properties": {
            "isEditable": {"type": "boolean"}, "reason": {"type": "string"}}}}},
          "configured": {"type": "object", "properties": {"editability": {"type": "object", "properties": {
            "isEditable": {"type": "boolean"}, "reason": {"type": "string"}}}}}}},
        "valueSpace": {"type": "object", "properties": {}}}}}}}}})J"));
  CheckOptions options;
  if (!disabled.empty()) {
    options.disabled_rules.insert(disabled);
  }
  nlohmann::json line = {{"method", "GET"},
                         {"path", "/deviceConfigurations"},
                         {"query", nlohmann::json::array({nlohmann::json::array({"deviceId", "D"})})},
                         {"status", 200},
                         {"responseContentType", "application/json"},
                         {"responseBody", {{"deviceId", "D"}, {"items", items}}}};
  return ConformanceChecker(set, options).check(wx::conformance::exchange_from_json(line));
}

}  // namespace

TEST_CASE("device-configurations-items-map: members take the example's fields; valueSpace is free-form") {
  const std::string rule = "device-configurations-items-map";
  REQUIRE(kTestedRules.count(rule) == 1);
  const auto items = nlohmann::json::parse(R"({"Audio.Ringer.Volume":{"value":9,"source":"configured",
      "sources":{"default":{"value":7,"editability":{"isEditable":false,"reason":"FACTORY_DEFAULT"}},
                 "configured":{"value":9,"editability":{"isEditable":true}}},
      "valueSpace":{"type":"integer","minimum":0,"maximum":15,"enum":[1,2]}}})");
  const auto with = run_configurations(items);
  CHECK_MESSAGE(with.findings.empty(), (with.findings.empty() ? "" : with.findings[0].message));
  CHECK(std::count(with.rules_applied.begin(), with.rules_applied.end(), rule) == 1);
  const auto without = run_configurations(items, rule);
  REQUIRE(without.findings.size() == 7);  // 3 x value, 4 x valueSpace
  CHECK(without.findings[0].instance_path == "/items/Audio.Ringer.Volume/sources/configured/value");
  CHECK(without.findings[0].message == "undeclared field \"value\"; the description lists: editability");

  // Types and enums of the placeholder are still checked.
  auto wrong = items;
  wrong["Audio.Ringer.Volume"]["source"] = "elsewhere";
  wrong["Audio.Ringer.Volume"]["sources"]["configured"]["editability"]["isEditable"] = "yes";
  CHECK(run_configurations(wrong).findings.size() == 2);
  // A field no member of the example shows (`level`, SDK-only) is still a finding, as is one
  // outside the members.
  auto level = items;
  level["Audio.Ringer.Volume"]["sources"]["default"]["level"] = "default";
  const auto undocumented = run_configurations(level);
  REQUIRE(undocumented.findings.size() == 1);
  CHECK(undocumented.findings[0].instance_path == "/items/Audio.Ringer.Volume/sources/default/level");
  CHECK(run_configurations(nlohmann::json::parse(R"({"K":{"valueSpace":{"type":"string"},"editable":true}})"))
            .findings.size() == 1);
}

TEST_CASE("apply_calibration=false turns every rule off") {
  const auto set = mini_set();
  CheckOptions raw;
  raw.apply_calibration = false;
  const auto outcome = ConformanceChecker(set, raw).check(exchange(
      R"({"method":"GET","path":"/devices/D","status":200,"responseBody":{"id":"D","plannedMaintenance":"off"}})"));
  CHECK(outcome.findings.size() == 1);
  CHECK(outcome.rules_applied.empty());
}

TEST_CASE("glob_match: * is one segment or part of one, ** any number") {
  using wx::conformance::detail::glob_match;
  CHECK(glob_match("/a/*/c", "/a/b/c"));
  CHECK_FALSE(glob_match("/a/*/c", "/a/b/x/c"));
  CHECK(glob_match("/**/code", "/items/0/error/message/1/code"));
  CHECK(glob_match("/**/code", "/code"));
  CHECK_FALSE(glob_match("/**/code", "/items/0/codes"));
  CHECK(glob_match("/x/dynamic*Settings", "/x/dynamicDeviceSettings"));
  CHECK(glob_match("/x/dynamic*Settings", "/x/dynamicSettings"));
  CHECK_FALSE(glob_match("/x/dynamic*Settings", "/x/dynamicSettings/y"));
}

TEST_CASE("every rule of the calibration table is tested here and cites WEBEX_API.md") {
  std::set<std::string> listed;
  for (const auto& rule : calibration_rules()) {
    listed.insert(rule.name);
    CHECK_MESSAGE(rule.section.rfind("WEBEX_API.md §", 0) == 0, rule.name);
  }
  CHECK(listed == kTestedRules);
}
