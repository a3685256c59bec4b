#include "wxphones/webex/api_error.h"

#include "wxphones/util/secrets.h"

namespace wx {

namespace {

std::string describe(int status, const std::string& method, const std::string& path,
                     const std::string& message, const std::vector<ApiErrorDetail>& details,
                     const std::string& tracking_id) {
  std::string text = method + " " + path + " -> ";
  text += status == 0 ? std::string("no response") : std::to_string(status);
  text += ": " + message;
  for (const auto& d : details) {
    if (d.error_code) {
      text += " [errorCode " + std::to_string(*d.error_code) + "]";
      break;
    }
  }
  if (details.size() > 1 || (details.size() == 1 && details.front().description != message)) {
    for (const auto& d : details) {
      if (!d.description.empty() && d.description != message) {
        text += "; " + d.description;
      }
    }
  }
  if (!tracking_id.empty()) {
    text += " (trackingId " + tracking_id + ")";
  }
  return redact(text);
}

}  // namespace

ApiError::ApiError(int status, std::string method, std::string path, std::string message,
                   std::vector<ApiErrorDetail> details, std::string tracking_id)
    : std::runtime_error(describe(status, method, path, message, details, tracking_id)),
      m_status(status),
      m_method(std::move(method)),
      m_path(std::move(path)),
      m_message(redact(message)),
      m_details(std::move(details)),
      m_tracking_id(std::move(tracking_id)) {
  for (auto& d : m_details) {
    d.description = redact(d.description);
  }
}

}  // namespace wx
