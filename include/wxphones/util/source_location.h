#pragma once
#include <string>

namespace wx {

// Where something was written in a manifest. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool known() const { return !file.empty(); }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace wx
