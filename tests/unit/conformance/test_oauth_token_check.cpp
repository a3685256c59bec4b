#include <doctest/doctest.h>

#include <string>

#include "mini_openapi.h"
#include "wxphones/conformance/checker.h"

using wx::conformance::ConformanceChecker;
using wx::conformance::Exchange;
using wx::conformance::OpenApiSet;

namespace {

// The mini description plus the security scheme of webex-people.yml that names the token endpoint.
OpenApiSet set_with_token_url() {
  auto doc = wx::conformance::testing::mini_openapi();
  doc["components"]["securitySchemes"]["oauth"] = {
      {"type", "oauth2"},
      {"flows",
       {{"authorizationCode",
         {{"authorizationUrl", "https://webexapis.com/v1/authorize"},
          {"tokenUrl", "https://webexapis.com/v1/access_token"},
          {"scopes", nlohmann::json::object()}}}}}};
  OpenApiSet set;
  set.add_document("mini.json", doc);
  return set;
}

Exchange token_exchange(const std::string& form, int status, const std::string& response) {
  Exchange e;
  e.method = "POST";
  e.path = "/access_token";
  e.request_content_type = "application/x-www-form-urlencoded";
  e.request_body = form;
  e.status = status;
  e.response_content_type = "application/json";
  e.response_body = response.empty() ? nlohmann::json() : nlohmann::json::parse(response);
  return e;
}

constexpr const char* kForm =
    "grant_type=refresh_token&client_id=c&client_secret=REDACTED&refresh_token=REDACTED";

}  // namespace

TEST_CASE("the token endpoint of a security scheme is known, and a refresh exchange is checked by OAuth 2") {
  const auto set = set_with_token_url();
  CHECK(set.token_paths() == std::vector<std::string>{"/access_token"});
  ConformanceChecker checker(set);

  auto ok = checker.check(token_exchange(
      kForm, 200, R"({"access_token":"x","expires_in":1209600,"refresh_token":"y","token_type":"Bearer"})"));
  CHECK(ok.operation == "POST /access_token (OAuth tokenUrl)");
  CHECK(ok.findings.empty());
  CHECK(checker.check(token_exchange(kForm, 400, R"({"message":"bad"})")).findings.empty());

  CHECK(checker.check(token_exchange(kForm, 200, R"({"access_token":5,"token_type":"Bearer"})"))
            .findings.size() == 2);  // access_token not a string, expires_in missing
  CHECK(checker
            .check(token_exchange("grant_type=refresh_token&client_id=c", 200,
                                  R"({"access_token":"x","expires_in":1,"token_type":"Bearer"})"))
            .findings.size() == 2);  // client_secret and refresh_token missing
  auto json_body = token_exchange(kForm, 200, R"({"access_token":"x","expires_in":1,"token_type":"Bearer"})");
  json_body.request_content_type = "application/json";
  CHECK(checker.check(json_body).findings.size() == 1);
  CHECK(checker.check(token_exchange(kForm, 500, "")).findings.size() == 1);
}

TEST_CASE("without a declared tokenUrl, /access_token is an unknown path") {
  const auto set = wx::conformance::testing::mini_set();
  CHECK(set.token_paths().empty());
  auto outcome = ConformanceChecker(set).check(token_exchange(kForm, 200, "{}"));
  REQUIRE(outcome.findings.size() == 1);
  CHECK(outcome.findings[0].message.find("unknown path") != std::string::npos);
}
