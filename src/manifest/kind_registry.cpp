#include "wxphones/manifest/kind_registry.h"

#include "manifest/builtin_kinds.h"

namespace wx::manifest {

std::map<std::string, SourceLocation> ManifestDocument::field_locations() const {
  std::map<std::string, SourceLocation> out;
  for (const auto& [pointer, where] : locations.values()) {
    if (!pointer.empty()) out.emplace(field_path(pointer), where);
  }
  return out;
}

void DecodeContext::error(SourceLocation where, std::string field, std::string message) {
  diagnostics.push_back(Diagnostic{Severity::Error, std::move(where), std::move(field), std::move(message)});
}

void DecodeContext::warning(SourceLocation where, std::string field, std::string message) {
  diagnostics.push_back(
      Diagnostic{Severity::Warning, std::move(where), std::move(field), std::move(message)});
}

void KindRegistry::add(KindHandler handler) {
  m_kinds.push_back(std::move(handler));
}

const KindHandler* KindRegistry::find(std::string_view kind) const {
  for (const auto& handler : m_kinds) {
    if (handler.kind == kind) return &handler;
  }
  return nullptr;
}

std::vector<std::string> KindRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& handler : m_kinds) out.push_back(handler.kind);
  return out;
}

const KindRegistry& KindRegistry::builtin() {
  static const KindRegistry registry = [] {
    KindRegistry r;
    add_builtin_kinds(r);
    return r;
  }();
  return registry;
}

}  // namespace wx::manifest
