#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace wx::emulator {

// Webex error bodies (WEBEX_API §3): {message, errors:[{description, errorCode?}], trackingId}.
// errorCode is the numeric telephony code when Webex has one (4008, 5675...); omitted otherwise.
nlohmann::json error_body(const std::string& message, std::optional<int> error_code = std::nullopt);
void send_error(httplib::Response& res, int status, const std::string& message,
                std::optional<int> error_code = std::nullopt);

std::string new_tracking_id();  // EMULATOR_<uuid>, thread-safe
const char* reason_phrase(int status);

// PATCH bodies are json-patch: answers 415 and returns false for another Content-Type (plain
// application/json is accepted too, as live Webex does).
bool require_json_patch_content(const httplib::Request& req, httplib::Response& res);

}  // namespace wx::emulator
