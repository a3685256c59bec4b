#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace wx::schema::detail {

// Wording shared by every error message, so the admin sees one vocabulary.

// "a string", "an integer", "null", ... for a JSON Schema type name.
std::string type_phrase(const std::string& type_name);

// What the instance is, for "got ...": strings show their (short) value, other kinds their kind,
// e.g. `"seven"`, `a number`, `a boolean`, `null`, `an object`, `an array`.
std::string got_phrase(const nlohmann::json& value);

// A short rendering of any value: strings quoted, long values cut with "...".
std::string short_value(const nlohmann::json& value);

// Enum members for "expected one of: ...": strings unquoted, other values as JSON.
std::string list_values(const nlohmann::json& values);

// "a, b or c" joining.
std::string join_or(const std::vector<std::string>& items);

// Number without a trailing ".0" noise: 5, 2.5.
std::string number_text(const nlohmann::json& number);

// Unicode code points in a UTF-8 string (minLength/maxLength count characters, not bytes).
std::size_t utf8_length(const std::string& text);

}  // namespace wx::schema::detail
