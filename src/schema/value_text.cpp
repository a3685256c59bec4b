#include "value_text.h"

namespace wx::schema::detail {
namespace {

constexpr std::size_t kMaxShort = 60;
constexpr std::size_t kMaxEnumShown = 25;

std::string cut(std::string text) {
  if (text.size() <= kMaxShort) {
    return text;
  }
  std::size_t end = kMaxShort;
  // Do not split a UTF-8 sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end) + "...";
}

}  // namespace

std::string type_phrase(const std::string& type_name) {
  if (type_name == "null") {
    return "null";
  }
  if (type_name == "integer" || type_name == "object" || type_name == "array") {
    return "an " + type_name;
  }
  return "a " + type_name;
}

std::string got_phrase(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string:
      return short_value(value);
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    default:
      return "a number";
  }
}

std::string short_value(const nlohmann::json& value) {
  if (value.is_string()) {
    const std::string quoted = nlohmann::json(cut(value.get<std::string>())).dump();
    return quoted;
  }
  if (value.is_number()) {
    return number_text(value);
  }
  return cut(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string list_values(const nlohmann::json& values) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& v : values) {
    if (shown == kMaxEnumShown) {
      out += ", ... (" + std::to_string(values.size() - shown) + " more)";
      break;
    }
    if (shown > 0) {
      out += ", ";
    }
    out += v.is_string() ? v.get<std::string>() : short_value(v);
    ++shown;
  }
  return out;
}

std::string join_or(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += (i + 1 == items.size()) ? " or " : ", ";
    }
    out += items[i];
  }
  return out;
}

std::string number_text(const nlohmann::json& number) {
  if (number.is_number_float()) {
    const double d = number.get<double>();
    if (d > -1e15 && d < 1e15 &&
        d ==
            static_cast<double>(static_cast<long long>(d))) {  // range first: casting inf, nan or 1e300 is UB
      return std::to_string(static_cast<long long>(d));
    }
  }
  return number.dump();
}

std::size_t utf8_length(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

}  // namespace wx::schema::detail
