#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "calibration_hooks.h"
#include "wxphones/conformance/checker.h"
#include "wxphones/schema/json_schema.h"

namespace wx::conformance::detail {

// Everything the per-part checks (query, request body, response) need about one exchange.
struct ExchangeContext {
  const Exchange& exchange;
  const Operation& operation;
  const schema::SchemaDocument& document;
  const nlohmann::json& operation_json;
  const Calibration& calibration;
  const CheckOptions& options;
  CheckOutcome& outcome;

  void add(Where where, std::string instance_path, std::string message) const {
    outcome.findings.push_back({operation.key(), where, std::move(instance_path), std::move(message)});
  }
  void applied(const char* rule) const { outcome.rules_applied.emplace_back(rule); }
};

// A node of the description, after following any "$ref" chain, with its JSON pointer (for validation).
struct Located {
  const nlohmann::json* node = nullptr;
  std::string pointer;
};
Located locate(const nlohmann::json& document, const std::string& pointer);

// "application/json; charset=utf-8" -> "application/json".
std::string media_type(const std::string& content_type);

void check_query(const ExchangeContext& context);
void check_request_body(const ExchangeContext& context);
void check_response(const ExchangeContext& context);

// Shared by request and response body checks: validates `body` against the media type schema at
// `media_pointer`, passing each error through the calibration table.
void check_body(const ExchangeContext& context, Where where, const nlohmann::json& body,
                const std::string& media_pointer, const schema::ValidateOptions& options,
                bool allow_array_of_schema);

}  // namespace wx::conformance::detail
