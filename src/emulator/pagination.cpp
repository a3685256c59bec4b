#include "emulator/pagination.h"

#include <cctype>
#include <charconv>

#include <httplib.h>

#include "emulator/errors.h"

namespace wx::emulator {

namespace {

std::optional<std::size_t> parse_count(const std::string& text) {
  // Webex declares these as numbers; "10.0" is accepted as 10.
  std::string digits = text;
  if (auto dot = digits.find('.'); dot != std::string::npos) {
    for (std::size_t i = dot + 1; i < digits.size(); ++i) {
      if (digits[i] != '0') return std::nullopt;
    }
    digits.resize(dot);
  }
  std::size_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool send_page(Context& ctx, const std::vector<nlohmann::json>& items, PageLimits limits, const char* key,
               nlohmann::json extra) {
  return send_page(
      ctx, items.size(), [&](std::size_t i) { return items[i]; }, limits, key, std::move(extra));
}

bool send_page(Context& ctx, std::size_t count, const std::function<nlohmann::json(std::size_t)>& render,
               PageLimits limits, const char* key, nlohmann::json extra) {
  std::size_t start = 0;
  std::size_t max = limits.default_max;
  if (auto text = ctx.query("start")) {
    auto v = parse_count(*text);
    if (!v) {
      send_error(ctx.res, 400, "Invalid value for parameter 'start'.");
      return false;
    }
    start = *v;
  }
  if (auto text = ctx.query("max")) {
    auto v = parse_count(*text);
    if (!v || *v == 0) {
      send_error(ctx.res, 400, "Invalid value for parameter 'max'.");
      return false;
    }
    max = std::min(*v, limits.limit);
  }
  auto page = nlohmann::json::array();
  for (std::size_t i = start; i < count && i < start + max; ++i) page.push_back(render(i));
  if (start + max < count) {
    std::string url = ctx.absolute_base() + ctx.api_path + "?";
    for (const auto& [name, value] : ctx.req.params) {
      if (name == "start" || name == "max") continue;
      url += url_encode(name) + "=" + url_encode(value) + "&";
    }
    url += "start=" + std::to_string(start + max) + "&max=" + std::to_string(max);
    ctx.res.set_header("Link", "<" + url + ">; rel=\"next\"");
  }
  extra[key] = std::move(page);
  ctx.send_json(200, extra);
  return true;
}

}  // namespace wx::emulator
