#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/manifest/source_map.h"
#include "wxphones/model/desired.h"
#include "wxphones/model/device_model.h"
#include "wxphones/util/diagnostic.h"

namespace wx::manifest {

inline constexpr std::string_view kApiVersion = "wxphones/v1";

// One document whose envelope was recognised, as handed to its kind's decoder.
struct ManifestDocument {
  std::string kind;
  std::string name;  // metadata.name; "" when missing or not a string
  const nlohmann::json& body;
  const SourceMap& locations;

  SourceLocation at(const std::string& pointer) const { return locations.value_location(pointer); }
  SourceLocation kind_location() const { return locations.key_location("/kind"); }
  // Every value written in the document, by dotted field path ("spec.owner.person" -> where).
  std::map<std::string, SourceLocation> field_locations() const;
};

// What decoders write to: the desired state, the diagnostics, and the catalog to check models.
struct DecodeContext {
  DesiredState& desired;
  Diagnostics& diagnostics;
  const ModelCatalog& catalog;

  void error(SourceLocation where, std::string field, std::string message);
  void warning(SourceLocation where, std::string field, std::string message);
};

// A manifest kind: its schema (a file in schemas/, checked first) and its decoder, which reads a
// document into DesiredState and applies the rules a schema cannot express. Decoders must be
// tolerant of ill-typed input (the schema reports those): read a value only when it has the
// expected type. `finish` runs once after every document, for rules across documents.
struct KindHandler {
  std::string kind;
  std::string schema_file;
  std::function<void(const ManifestDocument&, DecodeContext&)> decode;
  std::function<void(DecodeContext&)> finish;  // may be empty
};

class KindRegistry {
 public:
  void add(KindHandler handler);
  const KindHandler* find(std::string_view kind) const;
  const std::vector<KindHandler>& kinds() const { return m_kinds; }
  std::vector<std::string> names() const;

  // Every kind wxphones knows (src/manifest/builtin_kinds.cpp lists them).
  static const KindRegistry& builtin();

 private:
  std::vector<KindHandler> m_kinds;
};

}  // namespace wx::manifest
