#pragma once
#include <string>

#include "wxphones/webex/api_error.h"

namespace wx::webex_detail {

// An ApiError from a non-2xx response. Tolerates any body: Webex JSON, JSON of another shape, text, nothing.
ApiError error_from_response(int status, const std::string& method, const std::string& path,
                             const std::string& body, const std::string& tracking_id_header);

}  // namespace wx::webex_detail
