// Request and response bodies: content type documented, JSON valid against the media type's schema with
// the §14 calibration (required only at the top of request bodies, never in responses), errors passed
// through the calibration table; non-2xx bodies carry the Webex error shape.
#include "exchange_context.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::conformance::detail {
namespace {

bool has_body(const nlohmann::json& body) {
  return !body.is_null() && !(body.is_string() && body.get<std::string>().empty());
}

std::string list_keys(const nlohmann::json& object) {
  std::string out;
  for (const auto& [key, value] : object.items()) {
    out += (out.empty() ? "" : ", ") + key;
  }
  return out;
}

// The media type entry to check a body against; reports an undocumented content type and falls back to
// the only (or the JSON) entry so the body is still checked. Empty pointer when there is nothing to use.
std::string pick_media(const ExchangeContext& context, Where where, const Located& container,
                       const std::string& content_type) {
  const auto content = container.node->find("content");
  if (content == container.node->end() || !content->is_object() || content->empty()) {
    return {};
  }
  const std::string base = schema::pointer_append(container.pointer, "content");
  const std::string wanted = media_type(content_type);
  if (content->contains(wanted)) {
    return schema::pointer_append(base, wanted);
  }
  if (wanted.empty()) {
    context.add(where, "", "the body has no Content-Type; documented: " + list_keys(*content));
  } else {
    context.add(where, "",
                "content type \"" + wanted + "\" is not documented; documented: " + list_keys(*content));
  }
  if (content->size() == 1) {
    return schema::pointer_append(base, content->begin().key());
  }
  if (content->contains("application/json")) {
    return schema::pointer_append(base, "application/json");
  }
  return {};
}

std::vector<const nlohmann::json*> examples_of(const nlohmann::json& media) {
  std::vector<const nlohmann::json*> out;
  if (const auto example = media.find("example"); example != media.end()) {
    out.push_back(&*example);
  }
  if (const auto examples = media.find("examples"); examples != media.end() && examples->is_object()) {
    for (const auto& [name, entry] : examples->items()) {
      if (entry.is_object() && entry.contains("value")) {
        out.push_back(&entry["value"]);
      }
    }
  }
  return out;
}

bool schema_is_object(const nlohmann::json& document, const std::string& schema_pointer) {
  const Located schema = locate(document, schema_pointer);
  return schema.node != nullptr && schema.node->is_object() && schema.node->value("type", "") != "array";
}

void check_error_body(const ExchangeContext& context, const nlohmann::json& body) {
  if (!has_body(body) || body.is_string()) {
    return;  // 429 may come without a body; a non-JSON error body is possible (WEBEX_API.md §3)
  }
  if (!body.is_object()) {
    context.add(Where::ResponseBody, "", "an error body must be a JSON object with message and trackingId");
    return;
  }
  for (const char* field : {"message", "trackingId"}) {
    const auto it = body.find(field);
    if (it == body.end()) {
      context.add(Where::ResponseBody, "",
                  std::string("error body: missing required field \"") + field + "\"");
    } else if (!it->is_string()) {
      context.add(Where::ResponseBody, std::string("/") + field, "error body: expected a string");
    }
  }
  const auto errors = body.find("errors");
  if (errors != body.end() && !errors->is_array()) {
    context.add(Where::ResponseBody, "/errors", "error body: expected an array");
  }
}

}  // namespace

void check_body(const ExchangeContext& context, Where where, const nlohmann::json& body,
                const std::string& media_pointer, const schema::ValidateOptions& options,
                bool allow_array_of_schema) {
  const nlohmann::json& doc = context.document.document();
  const nlohmann::json* media = schema::resolve_pointer(doc, media_pointer);
  if (media == nullptr || !media->is_object() || !media->contains("schema")) {
    return;
  }
  const std::string media_name = media_pointer.substr(media_pointer.rfind('/') + 1);  // "application~1json"
  if (body.is_string() && media_name.find("json") != std::string::npos) {
    context.add(where, "", "the body is not valid JSON");
    return;
  }
  const std::string schema_pointer = media_pointer + "/schema";
  const auto examples = examples_of(*media);
  std::vector<schema::SchemaError> errors;
  const char* array_rule =
      allow_array_of_schema ? context.calibration.body_is_array_of_schema(context.operation.key()) : nullptr;
  if (array_rule != nullptr && body.is_array() && schema_is_object(doc, schema_pointer)) {
    context.applied(array_rule);
    for (std::size_t i = 0; i < body.size(); ++i) {
      for (auto& error : context.document.validate(body[i], schema_pointer, options)) {
        error.instance_path = schema::pointer_append("", i) + error.instance_path;
        errors.push_back(std::move(error));
      }
    }
  } else {
    errors = context.document.validate(body, schema_pointer, options);
  }
  for (const auto& error : errors) {
    const nlohmann::json* value = schema::resolve_pointer(body, error.instance_path);
    if (const char* rule =
            context.calibration.tolerated(context.operation.key(), where, error, value, examples)) {
      context.applied(rule);
      continue;
    }
    context.add(where, error.instance_path, error.message);
  }
}

void check_request_body(const ExchangeContext& context) {
  const nlohmann::json& doc = context.document.document();
  const nlohmann::json& body = context.exchange.request_body;
  const Located request = locate(doc, context.operation.pointer + "/requestBody");
  if (request.node == nullptr || !request.node->is_object()) {
    if (has_body(body)) {
      context.add(Where::RequestBody, "", "this operation takes no request body");
    }
    return;
  }
  if (!has_body(body)) {
    if (request.node->value("required", false)) {
      context.add(Where::RequestBody, "", "missing request body (the operation requires one)");
    }
    return;
  }
  const std::string media =
      pick_media(context, Where::RequestBody, request, context.exchange.request_content_type);
  if (media.empty()) {
    return;
  }
  schema::ValidateOptions options;
  options.dialect = schema::Dialect::OpenApi30;
  options.check_required_nested = false;  // WEBEX_API.md §14: `required` only at the top of request bodies
  options.report_undeclared_properties = context.options.report_undeclared_fields;
  check_body(context, Where::RequestBody, body, media, options, true);
}

void check_response(const ExchangeContext& context) {
  const nlohmann::json& doc = context.document.document();
  const int status = context.exchange.status;
  const bool success = status >= 200 && status < 300;
  const std::string responses_pointer = context.operation.pointer + "/responses";
  const nlohmann::json* responses = schema::resolve_pointer(doc, responses_pointer);
  std::string entry_key = std::to_string(status);
  const std::string range_key = std::to_string(status / 100) + "XX";
  if (responses == nullptr || !responses->is_object()) {
    return;
  }
  if (!responses->contains(entry_key)) {
    const auto alias = context.calibration.status_alias(context.operation.key(), status);
    if (alias && responses->contains(alias->first)) {
      context.applied(alias->second);
      entry_key = alias->first;
    } else if (responses->contains(range_key)) {
      entry_key = range_key;
    } else if (responses->contains("default")) {
      entry_key = "default";
    } else {
      context.add(
          Where::ResponseStatus, "",
          "status " + std::to_string(status) + " is not documented; documented: " + list_keys(*responses));
      if (!success) {
        check_error_body(context, context.exchange.response_body);
      }
      return;
    }
  }
  if (!success) {
    check_error_body(context, context.exchange.response_body);
    return;
  }
  const Located response = locate(doc, schema::pointer_append(responses_pointer, entry_key));
  if (response.node == nullptr || !response.node->is_object()) {
    return;
  }
  const nlohmann::json& body = context.exchange.response_body;
  const auto content = response.node->find("content");
  const bool documents_body = content != response.node->end() && content->is_object() && !content->empty();
  if (!documents_body) {
    if (has_body(body)) {
      context.add(
          Where::ResponseBody, "",
          "status " + std::to_string(status) + " is documented without a body, but the response has one");
    }
    return;
  }
  if (!has_body(body)) {
    if (const char* rule = context.calibration.empty_response_allowed(context.operation.key(), status)) {
      context.applied(rule);
    } else {
      context.add(Where::ResponseBody, "",
                  "expected a response body (" + list_keys(*content) + "), got none");
    }
    return;
  }
  const std::string media =
      pick_media(context, Where::ResponseBody, response, context.exchange.response_content_type);
  if (media.empty()) {
    return;
  }
  schema::ValidateOptions options;
  options.dialect = schema::Dialect::OpenApi30;
  options.check_required = false;  // WEBEX_API.md §14: `required` is over-declared in responses
  options.report_undeclared_properties = context.options.report_undeclared_fields;
  check_body(context, Where::ResponseBody, body, media, options, false);
}

}  // namespace wx::conformance::detail
