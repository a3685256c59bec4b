#include "formats.h"

#include "regex_cache.h"

namespace wx::schema::detail {
namespace {

bool matches(const char* pattern, const std::string& value) {
  const auto re = compiled_regex(pattern);
  return re && value.size() <= kMaxRegexText && std::regex_match(value, *re);
}

}  // namespace

std::optional<std::string> check_format(const std::string& format, const std::string& value) {
  if (format == "date-time") {
    // RFC 3339, loosely: seconds, fraction and offset are optional (Webex examples omit them at times).
    if (!matches(R"(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)", value)) {
      return "a date-time such as 2024-05-01T12:00:00Z";
    }
  } else if (format == "email") {
    if (!matches(R"([^@\s]+@[^@\s]+\.[^@\s]+)", value)) {
      return "an email address such as alice@example.com";
    }
  } else if (format == "uri") {
    if (!matches(R"([A-Za-z][A-Za-z0-9+.\-]*:[^\s]*)", value)) {
      return "an absolute URI such as https://example.com/path";
    }
  }
  return std::nullopt;
}

}  // namespace wx::schema::detail
