#include "response_check.h"

#include "wxphones/webex/api_error.h"

namespace wx::webex_detail {

void expect_object(const nlohmann::json& body, int status, const char* method, const std::string& path,
                   const char* what) {
  if (body.is_object()) {
    return;
  }
  const char* got = body.is_null() ? "an empty or non-JSON body" : "a JSON value that is not an object";
  throw ApiError(status, method, path, std::string("malformed response: expected ") + what + ", got " + got);
}

}  // namespace wx::webex_detail
