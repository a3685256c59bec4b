#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "wxphones/util/diagnostic.h"

namespace wx::manifest {

inline constexpr std::uintmax_t kMaxManifestBytes = 8u * 1024u * 1024u;

// Checks done on the raw text BEFORE it reaches yaml-cpp: binary content (NUL bytes), invalid
// UTF-8, tabs used for indentation and nesting deeper than kMaxDepth (yaml-cpp parses
// recursively, so a hostile file could exhaust the stack). Returns false when the text must
// not be parsed; the reasons are appended to `diagnostics`.
bool check_manifest_text(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// Estimated nesting depth (block indentation plus flow brackets) and the 1-based line where it
// is reached. It may under-count (a sequence at its parent key's indentation), never over-counts
// plain YAML; the reader checks the exact depth again while parsing.
struct DepthEstimate {
  int depth = 0;
  int line = 0;
  int column = 0;
};
DepthEstimate estimate_nesting_depth(std::string_view text, int stop_above);

// 1-based character column of the byte at `byte_offset` within `line` (UTF-8 aware).
int character_column(std::string_view line, std::size_t byte_offset);

}  // namespace wx::manifest
