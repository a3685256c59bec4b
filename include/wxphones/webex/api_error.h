#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wx {

// A Webex error response, or a transport failure (status 0), as one value.
// The message never contains the access token.
struct ApiErrorDetail {
  std::string description;
  std::optional<long> error_code;
};

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string method, std::string path, std::string message,
           std::vector<ApiErrorDetail> details = {}, std::string tracking_id = {});

  int status() const { return m_status; }  // HTTP status; 0 = no response (connection failure)
  const std::string& method() const { return m_method; }
  const std::string& path() const { return m_path; }  // path only, no query, no host
  const std::string& message() const { return m_message; }
  const std::vector<ApiErrorDetail>& details() const { return m_details; }
  const std::string& tracking_id() const { return m_tracking_id; }

 private:
  int m_status;
  std::string m_method;
  std::string m_path;
  std::string m_message;
  std::vector<ApiErrorDetail> m_details;
  std::string m_tracking_id;
};

}  // namespace wx
