#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/router.h"

namespace wx::emulator {

// Page sizes per list endpoint. Webex publishes few of these; the values not in the OpenAPI
// descriptions are assumptions (docs/emulator.md). A max above the limit is clamped, never refused.
struct PageLimits {
  std::size_t default_max;
  std::size_t limit;
};
inline constexpr PageLimits kDevicesPaging{100, 1000};
inline constexpr PageLimits kPeoplePaging{100, 1000};
inline constexpr PageLimits kWorkspacesPaging{100, 1000};
inline constexpr PageLimits kLocationsPaging{500, 1000};  // default 500 per the spec

// Sends `items` as one page of {key: [...]} from `start`/`max`, with a Link rel="next" header
// (absolute, the request's own query with start advanced) when more items follow. Sends a 400
// and returns false for a malformed start or max.
bool send_page(Context& ctx, const std::vector<nlohmann::json>& items, PageLimits limits,
               const char* key = "items", nlohmann::json extra = nlohmann::json::object());

// The same, rendering only the items of the page: item i of `count` is render(i). A list of
// 10,000 phones is then not turned into JSON once per page.
bool send_page(Context& ctx, std::size_t count, const std::function<nlohmann::json(std::size_t)>& render,
               PageLimits limits, const char* key = "items", nlohmann::json extra = nlohmann::json::object());

std::string url_encode(std::string_view text);

}  // namespace wx::emulator
