#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/manifest/source_map.h"
#include "wxphones/util/diagnostic.h"

namespace wx::manifest {

// One non-empty YAML document as JSON, with where each value and key was written.
struct YamlDocument {
  nlohmann::json value;
  SourceMap locations;
  SourceLocation start;  // the document's first node
};

// Parses every document of a (multi-document) YAML text. Scalars are typed by the YAML 1.2 core
// schema (so `no` stays a string and 00:1B:54:AA:01:02 is not a number); quoted scalars are
// always strings. Empty documents are skipped. Syntax errors, duplicate mapping keys, complex
// keys and nesting deeper than kMaxDepth are reported; documents before a syntax error are kept.
// Columns are 1-based characters (code points), not bytes.
std::vector<YamlDocument> read_yaml_documents(std::string_view text, const std::string& file,
                                              Diagnostics& diagnostics);

inline constexpr int kMaxDepth = 64;

}  // namespace wx::manifest
