#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "wxphones/util/diagnostic.h"

namespace wx {

// Renders diagnostics compiler-style, for manifest and plan-time problems alike:
//   examples/acme/phones.yaml:12:8: error: spec.mac: "00:1B:54" is not a MAC address; ...
//      12 |   mac: 00:1B:54
//         |        ^
// Source lines are read from the files named in the diagnostics (paths as written, relative to
// the working directory) and cached; add_source() supplies text that is not on disk.
class DiagnosticPrinter {
 public:
  void add_source(const std::string& file, std::string_view text);
  std::string render(const Diagnostic& diagnostic);
  void print(std::ostream& out, const Diagnostics& diagnostics);

 private:
  const std::vector<std::string>* lines_of(const std::string& file);
  std::map<std::string, std::optional<std::vector<std::string>>> m_sources;
};

// "3 errors in 2 files", "1 error and 2 warnings in 1 file"; "" when there is nothing.
std::string diagnostics_summary(const Diagnostics& diagnostics);

}  // namespace wx
