#pragma once
#include <map>
#include <string>
#include "wxphones/util/field_path.h"

#include "wxphones/util/source_location.h"

namespace wx::manifest {

// Where each value of a YAML document converted to JSON was written, keyed by JSON Pointer
// ("/spec/owner/person"; "" is the document root). Keys are recorded separately so that an
// unknown or duplicate field can point at its name rather than at its value.
class SourceMap {
 public:
  void set_value(const std::string& pointer, SourceLocation where);
  void set_key(const std::string& pointer, SourceLocation where);

  // Falls back to the nearest recorded ancestor, so a pointer into a value that was not written
  // (a missing field, an alias) still points somewhere useful.
  SourceLocation value_location(const std::string& pointer) const;
  // Where the member's key was written; the value's location for array items and the root.
  SourceLocation key_location(const std::string& pointer) const;

  bool has_value(const std::string& pointer) const { return m_values.count(pointer) != 0; }
  const std::map<std::string, SourceLocation>& values() const { return m_values; }

 private:
  std::map<std::string, SourceLocation> m_values;
  std::map<std::string, SourceLocation> m_keys;
};

using ::wx::field_path;  // wxphones/util/field_path.h

// Appends one reference token to a JSON Pointer, escaping '~' and '/'.
std::string pointer_append(const std::string& pointer, const std::string& token);

}  // namespace wx::manifest
