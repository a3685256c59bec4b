// Query parameters: names declared (path-level and operation-level), values of the declared type/enum,
// required ones present. Query values are strings on the wire; they are read as the declared type first.
#include <map>
#include <regex>

#include "exchange_context.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::conformance::detail {
namespace {

struct Parameter {
  Located located;  // the parameter object
  bool required = false;
};

void collect(const nlohmann::json& document, const std::string& list_pointer,
             std::map<std::string, Parameter>& out) {
  const nlohmann::json* list = schema::resolve_pointer(document, list_pointer);
  if (list == nullptr || !list->is_array()) {
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Located param = locate(document, schema::pointer_append(list_pointer, i));
    if (param.node == nullptr || !param.node->is_object() || param.node->value("in", "") != "query" ||
        !(*param.node)["name"].is_string()) {
      continue;
    }
    out[(*param.node)["name"].get<std::string>()] = Parameter{param, param.node->value("required", false)};
  }
}

std::string declared_type(const nlohmann::json& document, const Located& schema) {
  const Located resolved = locate(document, schema.pointer);
  if (resolved.node == nullptr || !resolved.node->is_object()) {
    return {};
  }
  const auto type = resolved.node->find("type");
  return (type != resolved.node->end() && type->is_string()) ? type->get<std::string>() : std::string{};
}

// The wire string as the JSON value the schema talks about; left a string when it does not read as the
// declared type, so the validator reports `expected a number, got "abc"`.
nlohmann::json coerce(const std::string& value, const std::string& type) {
  static const std::regex kNumber(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
  if ((type == "number" || type == "integer") && std::regex_match(value, kNumber)) {
    return nlohmann::json::parse(value);
  }
  if (type == "boolean" && (value == "true" || value == "false")) {
    return value == "true";
  }
  return value;
}

}  // namespace

void check_query(const ExchangeContext& context) {
  const nlohmann::json& doc = context.document.document();
  const std::string operation_pointer = context.operation.pointer;
  const std::string path_item_pointer = operation_pointer.substr(0, operation_pointer.rfind('/'));
  std::map<std::string, Parameter> declared;
  collect(doc, path_item_pointer + "/parameters", declared);
  collect(doc, operation_pointer + "/parameters", declared);  // operation-level overrides path-level

  schema::ValidateOptions options;
  options.dialect = schema::Dialect::OpenApi30;
  std::map<std::string, bool> seen;
  for (const auto& [name, value] : context.exchange.query) {
    seen[name] = true;
    const auto it = declared.find(name);
    if (it == declared.end()) {
      if (const char* rule = context.calibration.extra_query_parameter(context.operation.key(), name)) {
        context.applied(rule);
        continue;
      }
      std::string list;
      for (const auto& [declared_name, param] : declared) {
        list += (list.empty() ? "" : ", ") + declared_name;
      }
      context.add(
          Where::RequestQuery, schema::pointer_append("", name),
          "unknown query parameter " + nlohmann::json(name).dump() +
              (list.empty() ? "; this operation takes no query parameters" : "; expected one of: " + list));
      continue;
    }
    Located schema_at{nullptr, it->second.located.pointer + "/schema"};
    if (schema::resolve_pointer(doc, schema_at.pointer) == nullptr) {
      continue;
    }
    std::string type = declared_type(doc, schema_at);
    if (type == "array") {  // form style, exploded: each repeated value is one item
      schema_at = locate(doc, schema_at.pointer);
      schema_at.pointer += "/items";
      type = declared_type(doc, schema_at);
    }
    for (const auto& error : context.document.validate(coerce(value, type), schema_at.pointer, options)) {
      context.add(Where::RequestQuery, schema::pointer_append("", name) + error.instance_path, error.message);
    }
  }
  for (const auto& [name, param] : declared) {
    if (param.required && seen.count(name) == 0) {
      context.add(Where::RequestQuery, schema::pointer_append("", name),
                  "missing required query parameter " + nlohmann::json(name).dump());
    }
  }
}

}  // namespace wx::conformance::detail
