#pragma once
#include <string>
#include <vector>

#include "wxphones/util/source_location.h"

namespace wx {

enum class Severity { Error, Warning };

// One problem found in the manifests or at plan time. Diagnostics accumulate: a run reports all.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation where;
  std::string field;    // dotted path of the offending field, e.g. "spec.owner.person"; may be empty
  std::string message;  // says what is wrong and what was expected
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::Error) return true;
  }
  return false;
}

}  // namespace wx
