#include "body_json.h"

namespace wx::webex_detail {

int json_nesting_depth(std::string_view text, int stop_above) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stop_above) {
          break;
        }
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

nlohmann::json parse_body_json(std::string_view text) {
  if (text.empty() || json_nesting_depth(text) > kMaxJsonDepth) {
    return nullptr;
  }
  auto json = nlohmann::json::parse(text, nullptr, false);
  return json.is_discarded() ? nlohmann::json(nullptr) : json;
}

}  // namespace wx::webex_detail
