#include "error_body.h"

#include <nlohmann/json.hpp>

#include "wxphones/util/secrets.h"

namespace wx::webex_detail {

namespace {

constexpr std::size_t kMaxTextBody = 300;  // a stray HTML error page must not flood the terminal

std::string string_field(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::optional<long> code_field(const nlohmann::json& object) {
  auto it = object.find("errorCode");
  if (it == object.end()) {
    return std::nullopt;
  }
  if (it->is_number_integer()) {
    return it->get<long>();
  }
  if (it->is_string()) {
    try {
      std::size_t used = 0;
      long value = std::stol(it->get<std::string>(), &used);
      if (used == it->get<std::string>().size()) {
        return value;
      }
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 415:
      return "Unsupported Media Type";
    case 423:
      return "Locked";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "HTTP " + std::to_string(status);
  }
}

std::string single_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  if (text.size() > kMaxTextBody) {
    text = text.substr(0, kMaxTextBody) + "...";
  }
  return text;
}

}  // namespace

ApiError error_from_response(int status, const std::string& method, const std::string& path,
                             const std::string& body, const std::string& tracking_id_header) {
  std::string message;
  std::vector<ApiErrorDetail> details;
  std::string tracking_id = tracking_id_header;

  auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_discarded() && json.is_object()) {
    message = string_field(json, "message");
    auto errors = json.find("errors");
    if (errors != json.end() && errors->is_array()) {
      for (const auto& e : *errors) {
        if (!e.is_object()) {
          continue;
        }
        details.push_back({string_field(e, "description"), code_field(e)});
      }
    }
    auto body_tracking = string_field(json, "trackingId");
    if (!body_tracking.empty()) {
      tracking_id = body_tracking;
    }
    if (message.empty() && !details.empty()) {
      message = details.front().description;
    }
  } else if (!body.empty()) {
    message = single_line(body);
  }
  if (message.empty()) {
    message = reason_phrase(status);
  }
  return ApiError(status, method, path, redact(message), std::move(details), tracking_id);
}

}  // namespace wx::webex_detail
