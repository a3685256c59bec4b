#include "manifest/speed_dial.h"

#include <cctype>

namespace wx::manifest {

namespace {

constexpr std::size_t kMaxDigits = 15;  // E.164; longer strings are not numbers anyone can dial

bool is_number(std::string_view value) {
  if (!value.empty() && value.front() == '+') {
    value.remove_prefix(1);
  }
  if (value.empty() || value.size() > kMaxDigits) {
    return false;
  }
  for (char c : value) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

bool is_uri_part(std::string_view part) {
  if (part.empty()) {
    return false;
  }
  bool has_visible = false;
  for (char c : part) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 && u < 0x80) {
      has_visible = true;
    } else if (c != '-' && c != '_' && c != ' ' && c != '.' && c != '+') {
      return false;
    }
  }
  return has_visible;
}

}  // namespace

bool is_speed_dial_value(std::string_view value) {
  if (is_number(value)) {
    return true;
  }
  auto at = value.find('@');
  if (at == std::string_view::npos || value.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  return is_uri_part(value.substr(0, at)) && is_uri_part(value.substr(at + 1));
}

}  // namespace wx::manifest
