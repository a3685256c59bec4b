#include "wxphones/manifest/validate.h"

#include "wxphones/manifest/diagnostic_printer.h"
#include "wxphones/manifest/kind_registry.h"

namespace wx {

namespace {

std::string count_of(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int validate_manifests(const std::filesystem::path& root, std::ostream& out, std::ostream& err,
                       const LoadOptions& options) {
  ManifestSet set = load_manifests(root, options);
  DiagnosticPrinter printer;
  printer.print(err, set.diagnostics);
  if (has_errors(set.diagnostics)) {
    err << diagnostics_summary(set.diagnostics) << "\n";
    return 1;
  }
  const manifest::KindRegistry& kinds =
      options.kinds != nullptr ? *options.kinds : manifest::KindRegistry::builtin();
  std::string per_kind;
  for (const auto& kind : kinds.names()) {
    auto it = set.kinds.find(kind);
    if (it == set.kinds.end()) continue;
    per_kind += (per_kind.empty() ? "" : ", ") + std::to_string(it->second) + " " + kind;
  }
  out << "valid: " << count_of(set.documents, "object") << " in " << count_of(set.files, "file");
  if (!per_kind.empty()) out << " (" << per_kind << ")";
  out << "\n";
  return 0;
}

}  // namespace wx
