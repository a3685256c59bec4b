#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace wx::webex_detail {

// A 2xx answer whose body is not the documented JSON object (empty, an array, not JSON) is an ApiError
// that names the call and what was expected, never a default value that would read as "nothing set".
void expect_object(const nlohmann::json& body, int status, const char* method, const std::string& path,
                   const char* what);

}  // namespace wx::webex_detail
