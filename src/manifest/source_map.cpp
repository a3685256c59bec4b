#include "wxphones/manifest/source_map.h"

#include <cctype>

#include "wxphones/schema/json_pointer.h"

namespace wx::manifest {

namespace {

std::string parent_of(const std::string& pointer) {
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

}  // namespace

void SourceMap::set_value(const std::string& pointer, SourceLocation where) {
  m_values[pointer] = std::move(where);
}

void SourceMap::set_key(const std::string& pointer, SourceLocation where) {
  m_keys[pointer] = std::move(where);
}

SourceLocation SourceMap::value_location(const std::string& pointer) const {
  std::string current = pointer;
  while (true) {
    auto it = m_values.find(current);
    if (it != m_values.end()) return it->second;
    if (current.empty()) return {};
    current = parent_of(current);
  }
}

SourceLocation SourceMap::key_location(const std::string& pointer) const {
  auto it = m_keys.find(pointer);
  if (it != m_keys.end()) return it->second;
  return value_location(pointer);
}

std::string pointer_append(const std::string& pointer, const std::string& token) {
  return schema::pointer_append(pointer, token);
}

}  // namespace wx::manifest
