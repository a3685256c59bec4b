#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "wxphones/util/source_location.h"

namespace wx::manifest {

// Typed reads for decoders, which must skip values of the wrong type (the schema reports them).
inline const nlohmann::json* member_of(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

inline const std::string* string_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json* value = member_of(object, key);
  return value != nullptr && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

inline std::string location_text(const SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

}  // namespace wx::manifest
