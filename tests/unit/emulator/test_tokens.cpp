#include <doctest/doctest.h>

#include "emulator/emulator_fixture.h"
#include "emulator/tokens.h"

using wx::emulator::test::Fixture;

namespace {

const std::string kOAuthSeed =
    std::string(wx::emulator::test::kTestSeed) +
    "oauth: {clientId: cid, clientSecret: the-secret, refreshToken: the-refresh}\n";

wx::emulator::test::Response token_request(Fixture& f, const std::string& form,
                                           const std::string& type = "application/x-www-form-urlencoded") {
  httplib::Client client("127.0.0.1", f.port());
  auto r = client.Post("/v1/access_token", form, type.c_str());
  wx::emulator::test::Response out;
  if (!r) return out;
  out.status = r->status;
  out.raw = r->body;
  out.body = nlohmann::json::parse(r->body, nullptr, false);
  return out;
}

}  // namespace

TEST_CASE("the token endpoint trades the seeded refresh grant for a new access token the API accepts") {
  Fixture f(Fixture::seeded(kOAuthSeed));
  auto r = token_request(
      f, "grant_type=refresh_token&client_id=cid&client_secret=the-secret&refresh_token=the-refresh");
  REQUIRE(r.status == 200);
  const auto token = r.body["access_token"].get<std::string>();
  CHECK(r.body["token_type"] == "Bearer");
  CHECK(r.body["expires_in"].is_number_integer());
  CHECK(r.body["refresh_token"] == "the-refresh");
  CHECK(f.call("GET", "/devices", nullptr, token).status == 200);
  CHECK(f.call("GET", "/devices", nullptr, "good-token").status == 200);  // the seeded one still works
}

TEST_CASE("the token endpoint refuses wrong secrets, wrong grants and JSON bodies") {
  Fixture f(Fixture::seeded(kOAuthSeed));
  CHECK(
      token_request(f, "grant_type=refresh_token&client_id=cid&client_secret=nope&refresh_token=the-refresh")
          .status == 401);
  CHECK(token_request(f, "grant_type=refresh_token&client_id=cid&client_secret=the-secret&refresh_token=old")
            .status == 400);
  CHECK(token_request(f, "grant_type=password&client_id=cid").status == 400);
  CHECK(token_request(f, R"({"grant_type":"refresh_token"})", "application/json").status == 415);
  CHECK(f.control("GET", "/_emulator/tokens").body["refusedGrants"] == 3);
}

TEST_CASE("revoking makes every token seen so far fail with 401") {
  Fixture f(Fixture::seeded(kOAuthSeed));
  CHECK(f.get("/devices").status == 200);
  f.control("POST", "/_emulator/tokens/revoke", nlohmann::json::object());
  CHECK(f.get("/devices").status == 401);
  auto r = token_request(
      f, "grant_type=refresh_token&client_id=cid&client_secret=the-secret&refresh_token=the-refresh");
  REQUIRE(r.status == 200);
  CHECK(f.call("GET", "/devices", nullptr, r.body["access_token"].get<std::string>()).status == 200);
}

TEST_CASE("a token can expire after a number of requests, mid-run") {
  Fixture f(Fixture::seeded(kOAuthSeed));
  f.control("POST", "/_emulator/tokens/expire", {{"afterRequests", 2}});
  CHECK(f.get("/devices").status == 200);
  CHECK(f.get("/devices").status == 200);
  CHECK(f.get("/devices").status == 401);
  CHECK(f.get("/devices").status == 401);
  CHECK(f.control("POST", "/_emulator/tokens/expire", {{"afterRequests", -1}}).status == 400);
}

TEST_CASE("without a token list any bearer token works until a revocation") {
  Fixture f(Fixture::seeded("org: {name: Open}\n"));
  CHECK(f.call("GET", "/devices", nullptr, "anything-at-all").status == 200);
  f.control("POST", "/_emulator/tokens/revoke", nlohmann::json::object());
  CHECK(f.call("GET", "/devices", nullptr, "anything-at-all").status == 401);
  CHECK(f.call("GET", "/devices", nullptr, "another-token").status == 401);
}

TEST_CASE("token exchanges are logged without their secrets") {
  CHECK(wx::emulator::redacted_token_request(
            "grant_type=refresh_token&client_id=cid&client_secret=s3&refresh_token=r9") ==
        "client_id=cid&client_secret=REDACTED&grant_type=refresh_token&refresh_token=REDACTED");
  auto body = nlohmann::json::parse(wx::emulator::redacted_token_response(
      R"({"access_token":"a","refresh_token":"b","expires_in":5,"token_type":"Bearer"})"));
  CHECK(body["access_token"] == "REDACTED");
  CHECK(body["refresh_token"] == "REDACTED");
  CHECK(body["expires_in"] == 5);
  CHECK(wx::emulator::parse_form("a=1+2&b=%2Fx%3D&c")["b"] == "/x=");
}
