#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace wx::manifest {

// Case-insensitive edit distance (insert, delete, substitute, transpose).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `word` (at most `limit`, best first), only those close enough to be a
// plausible typo. Used for "did you mean" hints.
std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

// `"a"`, `"a" or "b"`, `"a", "b" or "c"`.
std::string quoted_alternatives(const std::vector<std::string>& names);

}  // namespace wx::manifest
