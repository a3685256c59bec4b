#pragma once
#include <memory>
#include <regex>
#include <string>

namespace wx::schema::detail {

// Compiled `pattern` / `patternProperties` regexes, shared process-wide: compiling a std::regex costs far
// more than matching, and the same few patterns are used for every manifest and every traffic line.
// Thread-safe. Returns nullptr when the pattern is not a valid ECMAScript regex.
std::shared_ptr<const std::regex> compiled_regex(const std::string& pattern);

// libstdc++ matches recursively, one stack frame per character, so a long text would overflow the
// stack (a 1 MB manifest string crashed `validate`). Longer texts are not matched; callers report them.
inline constexpr std::size_t kMaxRegexText = 4096;

}  // namespace wx::schema::detail
