#include "wxphones/conformance/checker.h"

#include <algorithm>
#include <cctype>

#include "exchange_context.h"
#include "oauth_token_check.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::conformance {

const char* to_string(Where where) {
  switch (where) {
    case Where::Operation:
      return "operation";
    case Where::RequestQuery:
      return "request query";
    case Where::RequestBody:
      return "request body";
    case Where::ResponseStatus:
      return "response status";
    case Where::ResponseBody:
      return "response body";
  }
  return "?";
}

namespace detail {

Located locate(const nlohmann::json& document, const std::string& pointer) {
  Located at{schema::resolve_pointer(document, pointer), pointer};
  for (int hops = 0; hops < 16 && at.node != nullptr && at.node->is_object(); ++hops) {
    const auto ref = at.node->find("$ref");
    if (ref == at.node->end() || !ref->is_string()) {
      break;
    }
    const std::string target = ref->get<std::string>();
    at.node = schema::resolve_pointer(document, target);
    at.pointer = (!target.empty() && target.front() == '#') ? target.substr(1) : target;
  }
  return at;
}

std::string media_type(const std::string& content_type) {
  std::string out = content_type.substr(0, content_type.find(';'));
  out.erase(0, out.find_first_not_of(" \t"));
  out.erase(out.find_last_not_of(" \t") + 1);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace detail

ConformanceChecker::ConformanceChecker(const OpenApiSet& descriptions, CheckOptions options)
    : m_descriptions(descriptions), m_options(std::move(options)) {}

CheckOutcome ConformanceChecker::check(const Exchange& exchange) const {
  CheckOutcome outcome;
  const Operation* operation = m_descriptions.match(exchange.method, exchange.path);
  if (operation == nullptr) {
    const auto& token_paths = m_descriptions.token_paths();
    if (std::find(token_paths.begin(), token_paths.end(), exchange.path) != token_paths.end()) {
      return detail::check_oauth_token_exchange(exchange, exchange.path);
    }
    std::string method = exchange.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    const auto methods = m_descriptions.methods_for(exchange.path);
    std::string message;
    if (methods.empty()) {
      message = "unknown path: no documented operation matches " + method + " " + exchange.path;
    } else {
      std::string list;
      for (const auto& m : methods) {
        list += (list.empty() ? "" : ", ") + m;
      }
      message = "method " + method + " is not documented for this path; documented: " + list;
    }
    outcome.findings.push_back({method + " " + exchange.path, Where::Operation, "", message});
    return outcome;
  }
  outcome.operation = operation->key();
  const auto& document = m_descriptions.document(operation->document);
  const nlohmann::json* operation_json = schema::resolve_pointer(document.document(), operation->pointer);
  const detail::Calibration calibration(m_options);
  const detail::ExchangeContext context{exchange,    *operation, document, *operation_json,
                                        calibration, m_options,  outcome};
  detail::check_query(context);
  detail::check_request_body(context);
  detail::check_response(context);
  std::sort(outcome.rules_applied.begin(), outcome.rules_applied.end());
  outcome.rules_applied.erase(std::unique(outcome.rules_applied.begin(), outcome.rules_applied.end()),
                              outcome.rules_applied.end());
  return outcome;
}

}  // namespace wx::conformance
