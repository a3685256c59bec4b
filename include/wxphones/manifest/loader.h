#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "wxphones/model/desired.h"
#include "wxphones/model/device_model.h"
#include "wxphones/util/diagnostic.h"

namespace wx::manifest {
class KindRegistry;
}

namespace wx {

// Manifests loaded and checked offline: every problem is in `diagnostics`, sorted by file and
// position. `desired` is only meaningful when the diagnostics hold no error.
struct ManifestSet {
  DesiredState desired;
  Diagnostics diagnostics;
  std::size_t files = 0;
  std::size_t documents = 0;                 // non-empty YAML documents
  std::map<std::string, std::size_t> kinds;  // documents per recognised kind
  std::string digest;                        // of every file's text, in load order: saved plans compare it
};

struct LoadOptions {
  const ModelCatalog* catalog = nullptr;          // nullptr: ModelCatalog::builtin()
  const manifest::KindRegistry* kinds = nullptr;  // nullptr: KindRegistry::builtin()
};

// `root` is a directory, searched recursively for *.yaml / *.yml in path order (hidden files and
// directories skipped), or a single file. Diagnostics name files as root-joined paths, exactly
// as the caller spelled `root`.
ManifestSet load_manifests(const std::filesystem::path& root, const LoadOptions& options = {});

namespace manifest {

// The same loading, fed file by file; lets tests load text without touching the disk.
class ManifestLoader {
 public:
  explicit ManifestLoader(LoadOptions options = {});
  ~ManifestLoader();
  ManifestLoader(const ManifestLoader&) = delete;
  ManifestLoader& operator=(const ManifestLoader&) = delete;

  // Reads a file (size, encoding and depth checked before parsing); `file` is the display name.
  void add_file(const std::filesystem::path& path, const std::string& file);
  void add_text(const std::string& file, std::string_view text);
  // Reports a problem that is not inside any file (e.g. the root does not exist).
  void add_diagnostic(Diagnostic diagnostic);
  // Runs the cross-document rules and returns everything; call once.
  ManifestSet finish();

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace manifest
}  // namespace wx
