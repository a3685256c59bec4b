#include "oauth_token_check.h"

#include <map>

namespace wx::conformance::detail {

namespace {

std::map<std::string, std::string> form_fields(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    const auto pair = body.substr(start, end - start);
    const auto eq = pair.find('=');
    fields[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
    start = end + 1;
  }
  return fields;
}

}  // namespace

CheckOutcome check_oauth_token_exchange(const Exchange& exchange, const std::string& token_path) {
  CheckOutcome outcome;
  outcome.operation = "POST " + token_path + " (OAuth tokenUrl)";
  auto add = [&](Where where, std::string pointer, std::string message) {
    outcome.findings.push_back({outcome.operation, where, std::move(pointer), std::move(message)});
  };
  if (exchange.method != "POST" && exchange.method != "post") {
    add(Where::Operation, "", "the token endpoint takes POST only");
    return outcome;
  }
  if (exchange.request_content_type.rfind("application/x-www-form-urlencoded", 0) != 0) {
    add(Where::RequestBody, "",
        "the token request must be application/x-www-form-urlencoded, not '" + exchange.request_content_type +
            "'");
  }
  auto fields =
      form_fields(exchange.request_body.is_string() ? exchange.request_body.get<std::string>() : "");
  const std::string grant = fields["grant_type"];
  if (grant == "refresh_token") {
    for (const char* name : {"client_id", "client_secret", "refresh_token"}) {
      if (fields[name].empty())
        add(Where::RequestBody, std::string("/") + name, "required by the refresh grant");
    }
  } else if (grant == "authorization_code") {
    for (const char* name : {"client_id", "client_secret", "code", "redirect_uri"}) {
      if (fields[name].empty())
        add(Where::RequestBody, std::string("/") + name, "required by the code grant");
    }
  } else {
    add(Where::RequestBody, "/grant_type",
        "expected refresh_token or authorization_code, not '" + grant + "'");
  }

  if (exchange.status == 400 || exchange.status == 401) return outcome;  // OAuth errors; any error body
  if (exchange.status != 200) {
    add(Where::ResponseStatus, "",
        "the token endpoint answers 200, 400 or 401, not " + std::to_string(exchange.status));
    return outcome;
  }
  const nlohmann::json& body = exchange.response_body;
  if (!body.is_object()) {
    add(Where::ResponseBody, "", "a token response is a JSON object");
    return outcome;
  }
  auto require = [&](const char* name, bool is_string, bool required) {
    auto it = body.find(name);
    if (it == body.end()) {
      if (required) add(Where::ResponseBody, std::string("/") + name, "required in a token response");
      return;
    }
    if (is_string ? !it->is_string() : !it->is_number_integer()) {
      add(Where::ResponseBody, std::string("/") + name,
          is_string ? "must be a string" : "must be an integer");
    }
  };
  require("access_token", true, true);
  require("token_type", true, true);
  require("expires_in", false, true);
  require("refresh_token", true, false);
  require("refresh_token_expires_in", false, false);
  return outcome;
}

}  // namespace wx::conformance::detail
