#pragma once
#include <string>

namespace wx::conformance {

// Which part of an exchange a finding is about.
enum class Where { Operation, RequestQuery, RequestBody, ResponseStatus, ResponseBody };

const char* to_string(Where where);  // "operation", "request query", "request body", ...

// One way an exchange departs from the OpenAPI descriptions (after calibration).
struct Finding {
  std::string operation;  // "GET /devices/{deviceId}"; for unknown paths "GET /devicez" (the raw path)
  Where where = Where::Operation;
  std::string instance_path;  // JSON pointer inside the body, "/max" for a query parameter, "" otherwise
  std::string message;
};

}  // namespace wx::conformance
