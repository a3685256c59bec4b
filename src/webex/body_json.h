#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

namespace wx::webex_detail {

// Webex bodies nest a handful of levels; anything deeper is hostile. nlohmann parses iteratively but
// copies and dumps recursively, so a 1 MB body of '[' would overflow the stack after parsing.
inline constexpr int kMaxJsonDepth = 64;

// Nesting depth of JSON text (brackets outside strings); stops counting once above `stop_above`.
int json_nesting_depth(std::string_view text, int stop_above = kMaxJsonDepth);

// A response body as JSON: null when it is empty, not JSON, or nested deeper than kMaxJsonDepth, so
// callers that need an object report "an empty or non-JSON body" instead of crashing.
nlohmann::json parse_body_json(std::string_view text);

}  // namespace wx::webex_detail
