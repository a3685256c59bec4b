// The OAuth token endpoint (POST /v1/access_token, the tokenUrl of the descriptions' security schemes)
// and the control routes that expire or revoke access tokens, so that tests can drive a refresh.
#include <httplib.h>

#include "emulator/errors.h"
#include "emulator/routes.h"
#include "emulator/tokens.h"

namespace wx::emulator {

void answer_token_request(const httplib::Request& req, httplib::Response& res, TokenRegistry& tokens) {
  auto type = req.get_header_value("Content-Type");
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0) {
    send_error(res, 415, "The token endpoint takes an application/x-www-form-urlencoded body.");
    return;
  }
  auto grant = tokens.grant(req.body);
  if (grant.status != 200) {
    send_error(res, grant.status, grant.error);
    return;
  }
  res.status = 200;
  res.set_content(grant.token_body.dump(), "application/json");
  res.set_header("Cache-Control", "no-store");
  res.set_header("TrackingID", new_tracking_id());
}

void add_token_control_routes(Router& control, TokenRegistry& tokens) {
  control.add("GET", "/_emulator/tokens", [&tokens](Context& ctx) { ctx.send_json(200, tokens.to_json()); });
  control.add("POST", "/_emulator/tokens/revoke", [&tokens](Context& ctx) {
    tokens.revoke_all();
    ctx.send_json(200, tokens.to_json());
  });
  control.add("POST", "/_emulator/tokens/expire", [&tokens](Context& ctx) {
    auto body = nlohmann::json::parse(ctx.req.body, nullptr, false);
    if (!body.is_object() || !body.contains("afterRequests") || !body["afterRequests"].is_number_integer() ||
        body["afterRequests"].get<int>() < 0) {
      send_error(ctx.res, 400, "Expected {\"afterRequests\": a non-negative integer}.");
      return;
    }
    tokens.expire_after(body["afterRequests"].get<int>());
    ctx.send_json(200, tokens.to_json());
  });
}

}  // namespace wx::emulator
