// The calibration table: every deliberate, documented departure from Cisco's OpenAPI descriptions that
// the conformance check accepts, in ONE place. Each rule cites the WEBEX_API.md section that documents
// it, and each has a unit test in tests/unit/conformance/test_calibration.cpp showing that the exchange
// passes with the rule and is a finding without it. Add a rule here only with a documented reason.
#include <algorithm>

#include "calibration_hooks.h"
#include "path_segments.h"
#include "wxphones/conformance/calibration.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::conformance {
namespace detail {
namespace {

enum class Kind {
  ExtraQueryParameter,  // `values`: query names accepted besides the declared ones
  BodyArrayOfSchema,    // the request body is an array of what the schema describes as one object
  EmptyResponse,        // a 2xx response documented with a body may come back empty
  StatusAlias,          // `values[0]`: undocumented status, `values[1]`: documented status to check it as
  Tolerate,             // a schema error (`keyword` at `instance`) whose value passes `accept`
  ExampleFields,        // undeclared fields that the operation's documented example shows
  MapMemberFields,      // `instance`: a map's members ("/items/*"); see map_member_field()
};

// ObjectsWith: an array whose items are all objects carrying every field named in `values`.
// ObjectWhere: an object whose field `values[0]` is the string `values[1]`.
enum class Accept { Any, AnyString, Null, Values, ObjectsWith, ObjectWhere };

struct Rule {
  const char* name;
  const char* section;
  const char* summary;
  Kind kind;
  const char* operation;  // "METHOD /path/template" glob; "*" as the method matches any method
  Where where = Where::RequestBody;
  const char* instance = "";  // instance path glob (Tolerate)
  const char* keyword = "";   // schema keyword excused (Tolerate)
  Accept accept = Accept::Any;
  std::vector<std::string> values = {};
};

const std::vector<Rule>& table() {
  static const std::vector<Rule> rules = {
      // WEBEX_API.md §12 (Device tags PATCH body), §11.3: the body is a JSON array of json-patch ops; the
      // description's schema shows one op object. Each array item is checked against that schema.
      {"tags-patch-array", "WEBEX_API.md §12, §11.3",
       "PATCH /devices/{deviceId} body: an array of json-patch ops, each checked against the op schema",
       Kind::BodyArrayOfSchema, "PATCH /devices/{deviceId}"},
      // WEBEX_API.md §14 (schemas wrong where live use is clear), §11.11: deviceConfigurations PATCH body is
      // an array of operations; the schema says object.
      {"device-configurations-patch-array", "WEBEX_API.md §14, §11.11",
       "PATCH /deviceConfigurations body: an array of json-patch ops, each checked against the op schema",
       Kind::BodyArrayOfSchema, "PATCH /deviceConfigurations"},
      // WEBEX_API.md §12 (Device settings PUT model parameter), §11.6: wxphones sends both `deviceModel`
      // and `model`; the description declares only `deviceModel`.
      {"device-settings-model-param",
       "WEBEX_API.md §12, §11.6",
       "device settings GET/PUT: query parameter `model` accepted besides `deviceModel`",
       Kind::ExtraQueryParameter,
       "* /telephony/config/devices/{deviceId}/settings",
       Where::RequestQuery,
       "",
       "",
       Accept::Any,
       {"model"}},
      // WEBEX_API.md §12 (Dynamic settings action): live use and wxphones use SET/CLEAR whatever enum the
      // published description carries.
      {"dynamic-settings-action",
       "WEBEX_API.md §12",
       "dynamic device settings request bodies: `action` SET or CLEAR accepted",
       Kind::Tolerate,
       "* /telephony/config/**/dynamic*Settings",
       Where::RequestBody,
       "/tags/*/action",
       "enum",
       Accept::Values,
       {"SET", "CLEAR"}},
      // WEBEX_API.md §14 (schemas wrong where live use is clear): `plannedMaintenance` comes back as a
      // string, the schema says object.
      {"planned-maintenance-string", "WEBEX_API.md §14",
       "device responses: `plannedMaintenance` may be a string", Kind::Tolerate, "* /devices | * /devices/**",
       Where::ResponseBody, "/**/plannedMaintenance", "type", Accept::AnyString},
      // WEBEX_API.md §14 and the description's own examples: a job error's `code` can be null.
      {"job-error-code-null", "WEBEX_API.md §14", "device job errors: `code` may be null", Kind::Tolerate,
       "GET /telephony/config/jobs/devices/*/{jobId}/errors", Where::ResponseBody, "/**/message/*/code",
       "type", Accept::Null},
      // WEBEX_API.md §12 (Job errors item), §10, §11.9: job error items carry `errorType`, not in the schema.
      {"job-error-type", "WEBEX_API.md §12, §11.9", "device job errors: items may carry `errorType`",
       Kind::Tolerate, "GET /telephony/config/jobs/devices/*/{jobId}/errors", Where::ResponseBody,
       "/**/errorType", "undeclared", Accept::AnyString},
      // WEBEX_API.md §6.8, §11.9: the applyLineKeyTemplate job errors are described as one error object,
      // but wxc_sdk reads them as the `{items:[...]}` list every other device job returns (§6.9). The list
      // form is accepted when each item is an object with the description's own fields.
      {"apply-line-key-template-errors-items",
       "WEBEX_API.md §6.8, §11.9",
       "applyLineKeyTemplate job errors: the `{items:[...]}` list form (items with trackingId and error)",
       Kind::Tolerate,
       "GET /telephony/config/jobs/devices/applyLineKeyTemplate/{jobId}/errors",
       Where::ResponseBody,
       "/items",
       "undeclared",
       Accept::ObjectsWith,
       {"trackingId", "error"}},
      // WEBEX_API.md §6.8: `templateId` is required for APPLY_TEMPLATE only; the description marks it
      // required for every action. Returning phones to their factory layouts sends no template.
      {"apply-default-templates-without-template-id",
       "WEBEX_API.md §6.8",
       "applyLineKeyTemplate job and preview: no `templateId` when action is APPLY_DEFAULT_TEMPLATES",
       Kind::Tolerate,
       "POST /telephony/config/jobs/devices/applyLineKeyTemplate | "
       "POST /telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke",
       Where::RequestBody,
       "",
       "required",
       Accept::ObjectWhere,
       {"action", "APPLY_DEFAULT_TEMPLATES"}},
      // WEBEX_API.md §12 (Unknown enum values), §10: new `connectionStatus` values such as `pending` and new
      // `lifecycle` values appear in real responses; the enums are closed in the description.
      {"unknown-status-enum-values", "WEBEX_API.md §12, §10",
       "responses: unlisted `connectionStatus` / `lifecycle` string values tolerated", Kind::Tolerate,
       "* /**", Where::ResponseBody, "/**/connectionStatus", "enum", Accept::AnyString},
      {"unknown-lifecycle-enum-values", "WEBEX_API.md §12, §10",
       "responses: unlisted `lifecycle` string values tolerated", Kind::Tolerate, "* /**",
       Where::ResponseBody, "/**/lifecycle", "enum", Accept::AnyString},
      // WEBEX_API.md §12 (Create device response body): may be empty; the client re-reads by MAC.
      {"create-device-empty-response", "WEBEX_API.md §12", "POST /devices: 2xx response body may be empty",
       Kind::EmptyResponse, "POST /devices", Where::ResponseBody},
      // WEBEX_API.md §12 (deviceConfigurations PATCH status), §11.11: 201 documented, 200 seen live.
      {"device-configurations-patch-200",
       "WEBEX_API.md §12, §11.11",
       "PATCH /deviceConfigurations: status 200 checked as the documented 201",
       Kind::StatusAlias,
       "PATCH /deviceConfigurations",
       Where::ResponseStatus,
       "",
       "",
       Accept::Any,
       {"200", "201"}},
      // WEBEX_API.md §7, §12, §14: deviceConfigurations `items` is a map key -> configuration (the
      // `device-configurations-key-map` patch checks each member against the `configuration_key`
      // placeholder, so types and enums stay checked). The placeholder omits the `value` fields every
      // member of the documented examples shows, so an undeclared field inside a member is accepted when
      // ANY member of the example shows it at the same place (the examples name other keys than the
      // device's); `valueSpace` is a free-form JSON Schema (§7), declared with no properties.
      {"device-configurations-items-map",
       "WEBEX_API.md §7, §12, §14",
       "deviceConfigurations `items` members: fields any member of the documented example shows, and "
       "anything inside `valueSpace` (a JSON Schema)",
       Kind::MapMemberFields,
       "GET /deviceConfigurations | PATCH /deviceConfigurations",
       Where::ResponseBody,
       "/items/*",
       "undeclared",
       Accept::Any,
       {"valueSpace"}},
      // WEBEX_API.md §14 (fields the schemas do not list): the emulator emits them only where §12 or the
      // documented examples show them, e.g. `callingDeviceId`/`webexDeviceId` in the Device examples.
      {"example-fields", "WEBEX_API.md §14",
       "bodies: fields the schema does not list are accepted where the operation's documented example shows "
       "them",
       Kind::ExampleFields, "* /**", Where::ResponseBody},
  };
  return rules;
}

// `rule.operation` is one or more "METHOD /glob" alternatives separated by " | ".
bool operation_matches(const Rule& rule, const std::string& operation) {
  const auto op_space = operation.find(' ');
  if (op_space == std::string::npos) {
    return false;
  }
  const std::string alternatives = rule.operation;
  std::size_t start = 0;
  while (start < alternatives.size()) {
    auto bar = alternatives.find(" | ", start);
    const std::string pattern =
        alternatives.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    const auto space = pattern.find(' ');
    if (space != std::string::npos) {
      const std::string method = pattern.substr(0, space);
      if ((method == "*" || method == operation.substr(0, op_space)) &&
          glob_match(pattern.substr(space + 1), operation.substr(op_space + 1))) {
        return true;
      }
    }
    if (bar == std::string::npos) {
      break;
    }
    start = bar + 3;
  }
  return false;
}

bool accepts(const Rule& rule, const nlohmann::json* value) {
  switch (rule.accept) {
    case Accept::Any:
      return true;
    case Accept::AnyString:
      return value != nullptr && value->is_string();
    case Accept::Null:
      return value != nullptr && value->is_null();
    case Accept::Values:
      return value != nullptr && value->is_string() &&
             std::find(rule.values.begin(), rule.values.end(), value->get<std::string>()) !=
                 rule.values.end();
    case Accept::ObjectWhere:
      return value != nullptr && value->is_object() && rule.values.size() == 2 &&
             value->value(rule.values[0], std::string()) == rule.values[1];
    case Accept::ObjectsWith:
      return value != nullptr && value->is_array() &&
             std::all_of(value->begin(), value->end(), [&](const nlohmann::json& item) {
               return item.is_object() && std::all_of(rule.values.begin(), rule.values.end(),
                                                      [&](const std::string& f) { return item.contains(f); });
             });
  }
  return false;
}

// One segment against a pattern where '*' matches any run of characters ("dynamic*Settings").
bool wildcard(const std::string& pattern, std::size_t p, const std::string& text, std::size_t t) {
  if (p == pattern.size()) {
    return t == text.size();
  }
  if (pattern[p] == '*') {
    for (std::size_t skip = t; skip <= text.size(); ++skip) {
      if (wildcard(pattern, p + 1, text, skip)) {
        return true;
      }
    }
    return false;
  }
  return t < text.size() && pattern[p] == text[t] && wildcard(pattern, p + 1, text, t + 1);
}

bool glob_segments(const std::vector<std::string>& pattern, std::size_t p,
                   const std::vector<std::string>& text, std::size_t t) {
  if (p == pattern.size()) {
    return t == text.size();
  }
  if (pattern[p] == "**") {
    for (std::size_t skip = t; skip <= text.size(); ++skip) {
      if (glob_segments(pattern, p + 1, text, skip)) {
        return true;
      }
    }
    return false;
  }
  return t < text.size() && wildcard(pattern[p], 0, text[t], 0) && glob_segments(pattern, p + 1, text, t + 1);
}

// Walks an example along an instance path; array indices match any element (examples show one item).
bool example_has(const nlohmann::json& node, const std::vector<std::string>& tokens, std::size_t i) {
  if (i == tokens.size()) {
    return true;
  }
  if (node.is_object()) {
    const auto it = node.find(tokens[i]);
    return it != node.end() && example_has(*it, tokens, i + 1);
  }
  if (node.is_array()) {
    for (const auto& item : node) {
      if (example_has(item, tokens, i + 1)) {
        return true;
      }
    }
  }
  return false;
}

// As example_has, but token `wild` matches any member of an object (the map key of the instance).
bool example_has_member(const nlohmann::json& node, const std::vector<std::string>& tokens, std::size_t i,
                        std::size_t wild) {
  if (i == tokens.size()) {
    return true;
  }
  if (node.is_object()) {
    if (i == wild) {
      return std::any_of(node.begin(), node.end(), [&](const nlohmann::json& member) {
        return example_has_member(member, tokens, i + 1, wild);
      });
    }
    const auto it = node.find(tokens[i]);
    return it != node.end() && example_has_member(*it, tokens, i + 1, wild);
  }
  if (node.is_array()) {
    for (const auto& item : node) {
      if (example_has_member(item, tokens, i + 1, wild)) {
        return true;
      }
    }
  }
  return false;
}

// MapMemberFields: an undeclared field strictly inside a member of the map `rule.instance` names (its
// last segment is the member key) passes when it lies inside a free-form field named in `values`, or
// when some member of a documented example carries it at the same place.
bool map_member_field(const Rule& rule, const std::string& instance_path,
                      const std::vector<const nlohmann::json*>& examples) {
  const auto map = split_path(rule.instance);
  const auto tokens = schema::pointer_tokens(instance_path);
  if (map.empty() || tokens.size() <= map.size() ||
      !glob_segments(map, 0, std::vector<std::string>(tokens.begin(), tokens.begin() + map.size()), 0)) {
    return false;
  }
  const std::size_t field = map.size();  // first token inside the member
  if (tokens.size() > field + 1 &&
      std::find(rule.values.begin(), rule.values.end(), tokens[field]) != rule.values.end()) {
    return true;
  }
  return std::any_of(examples.begin(), examples.end(), [&](const nlohmann::json* example) {
    return example != nullptr && example_has_member(*example, tokens, 0, map.size() - 1);
  });
}

}  // namespace

bool glob_match(const std::string& pattern, const std::string& text) {
  return glob_segments(split_path(pattern), 0, split_path(text), 0);
}

void patch_description(nlohmann::json& document) {
  // WEBEX_API.md §7, §11.11: deviceConfigurations `items` is a map keyed by configuration key; the
  // description spells the key as a literal property `configuration_key`. Read it as "every key".
  nlohmann::json* items = nullptr;
  const auto components = document.find("components");
  if (components != document.end() && components->is_object()) {
    const auto schemas = components->find("schemas");
    if (schemas != components->end() && schemas->is_object()) {
      const auto it = schemas->find("DeviceConfiguration");
      if (it != schemas->end()) {
        items = &*it;
      }
    }
  }
  if (items != nullptr && items->is_object() && items->contains("properties") &&
      (*items)["properties"].is_object() && (*items)["properties"].size() == 1 &&
      (*items)["properties"].contains("configuration_key")) {
    nlohmann::json value_schema = (*items)["properties"]["configuration_key"];
    items->erase("properties");
    (*items)["additionalProperties"] = std::move(value_schema);
  }
}

Calibration::Calibration(const CheckOptions& options) : m_options(options) {}

bool Calibration::enabled(const char* rule) const {
  return m_options.apply_calibration && m_options.disabled_rules.count(rule) == 0;
}

const char* Calibration::extra_query_parameter(const std::string& operation, const std::string& name) const {
  for (const auto& rule : table()) {
    if (rule.kind == Kind::ExtraQueryParameter && enabled(rule.name) && operation_matches(rule, operation) &&
        std::find(rule.values.begin(), rule.values.end(), name) != rule.values.end()) {
      return rule.name;
    }
  }
  return nullptr;
}

const char* Calibration::body_is_array_of_schema(const std::string& operation) const {
  for (const auto& rule : table()) {
    if (rule.kind == Kind::BodyArrayOfSchema && enabled(rule.name) && operation_matches(rule, operation)) {
      return rule.name;
    }
  }
  return nullptr;
}

const char* Calibration::empty_response_allowed(const std::string& operation, int status) const {
  for (const auto& rule : table()) {
    if (rule.kind == Kind::EmptyResponse && enabled(rule.name) && operation_matches(rule, operation) &&
        status >= 200 && status < 300) {
      return rule.name;
    }
  }
  return nullptr;
}

std::optional<std::pair<std::string, const char*>> Calibration::status_alias(const std::string& operation,
                                                                             int status) const {
  for (const auto& rule : table()) {
    if (rule.kind == Kind::StatusAlias && enabled(rule.name) && operation_matches(rule, operation) &&
        rule.values.size() == 2 && rule.values[0] == std::to_string(status)) {
      return std::make_pair(rule.values[1], rule.name);
    }
  }
  return std::nullopt;
}

const char* Calibration::tolerated(const std::string& operation, Where where,
                                   const schema::SchemaError& error, const nlohmann::json* value,
                                   const std::vector<const nlohmann::json*>& examples) const {
  for (const auto& rule : table()) {
    if (!enabled(rule.name) || !operation_matches(rule, operation)) {
      continue;
    }
    if (rule.kind == Kind::Tolerate && rule.where == where && error.keyword == rule.keyword &&
        glob_match(rule.instance, error.instance_path) && accepts(rule, value)) {
      return rule.name;
    }
    if (rule.kind == Kind::MapMemberFields && rule.where == where && error.keyword == rule.keyword &&
        map_member_field(rule, error.instance_path, examples)) {
      return rule.name;
    }
    if (rule.kind == Kind::ExampleFields && error.keyword == "undeclared") {
      const auto tokens = schema::pointer_tokens(error.instance_path);
      for (const auto* example : examples) {
        if (example != nullptr && example_has(*example, tokens, 0)) {
          return rule.name;
        }
      }
    }
  }
  return nullptr;
}

}  // namespace detail

const std::vector<CalibrationRuleInfo>& calibration_rules() {
  static const std::vector<CalibrationRuleInfo> infos = [] {
    std::vector<CalibrationRuleInfo> out;
    for (const auto& rule : detail::table()) {
      out.push_back({rule.name, rule.section, rule.summary});
    }
    out.push_back({"device-configurations-key-map", "WEBEX_API.md §7, §11.11",
                   "schema patch: DeviceConfiguration's `configuration_key` property stands for every key"});
    return out;
  }();
  return infos;
}

}  // namespace wx::conformance
