#pragma once
#include <cstddef>
#include <string>
#include <vector>
#include <string_view>

#include <nlohmann/json.hpp>

namespace wx::schema {

// JSON Pointer (RFC 6901) helpers shared by the validator and the OpenAPI conformance harness.
// Instance paths in SchemaError are built with pointer_append so "/" and "~" in keys stay unambiguous.

std::string escape_pointer_token(std::string_view token);
// "/a~1b/0" -> {"a/b", "0"}; "" -> {}.
std::vector<std::string> pointer_tokens(std::string_view pointer);
std::string pointer_append(const std::string& base, std::string_view token);
std::string pointer_append(const std::string& base, std::size_t index);

// Resolves "" / "#" / "#/a/b" / "/a/b" against `root`. Tokens are unescaped (~0, ~1) and, for the
// "#..." URI-fragment form, percent-decoded (OpenAPI refs spell "{" as %7B). nullptr when absent.
const nlohmann::json* resolve_pointer(const nlohmann::json& root, std::string_view pointer);

}  // namespace wx::schema
