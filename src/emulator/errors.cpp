#include "emulator/errors.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <random>

#include <httplib.h>

#include "emulator/ids.h"

namespace wx::emulator {

std::string new_tracking_id() {
  static std::mutex mutex;
  static IdGenerator generator{std::random_device{}()};
  std::lock_guard lock(mutex);
  return generator.tracking_id();
}

nlohmann::json error_body(const std::string& message, std::optional<int> error_code) {
  nlohmann::json detail = {{"description", message}};
  if (error_code) detail["errorCode"] = *error_code;
  return {
      {"message", message}, {"errors", nlohmann::json::array({detail})}, {"trackingId", new_tracking_id()}};
}

void send_error(httplib::Response& res, int status, const std::string& message,
                std::optional<int> error_code) {
  res.status = status;
  auto body = error_body(message, error_code);
  res.set_header("TrackingID", body["trackingId"].get<std::string>());
  res.set_content(body.dump(), "application/json");
}

const char* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "The request was invalid or cannot be otherwise served.";
    case 401:
      return "The request requires a valid access token.";
    case 403:
      return "The request is understood, but it has been refused or access is not allowed.";
    case 404:
      return "The URI requested is invalid or the resource requested does not exist.";
    case 405:
      return "The request was made to a resource using an HTTP request method that is not supported.";
    case 409:
      return "The request could not be processed because it conflicts with some established rule of the "
             "system.";
    case 410:
      return "The requested resource is no longer available.";
    case 415:
      return "The request was made to a resource without specifying a media type or used a media type that "
             "is not supported.";
    case 423:
      return "The requested resource is temporarily unavailable.";
    case 429:
      return "Too many requests have been sent in a given amount of time.";
    case 500:
      return "Something went wrong on the server.";
    case 502:
      return "The server received an invalid response from an upstream server while processing the request.";
    case 503:
      return "Server is overloaded with requests. Try again later.";
    case 504:
      return "An upstream server failed to respond on time.";
    default:
      return "Emulated error.";
  }
}

bool require_json_patch_content(const httplib::Request& req, httplib::Response& res) {
  std::string type = req.get_header_value("Content-Type");
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  if (type.find("application/json-patch+json") == std::string::npos &&
      type.find("application/json") == std::string::npos) {
    send_error(res, 415, "Content-Type must be application/json-patch+json.");
    return false;
  }
  return true;
}

}  // namespace wx::emulator
