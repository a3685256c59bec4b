#pragma once
// Helpers shared by the manifest unit tests.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wxphones/manifest/loader.h"

namespace wx::test {

// Loads in-memory files ({name, text}) as if they were read from disk.
inline ManifestSet load_texts(const std::vector<std::pair<std::string, std::string>>& files,
                              const LoadOptions& options = {}) {
  manifest::ManifestLoader loader(options);
  for (const auto& [name, text] : files) loader.add_text(name, text);
  return loader.finish();
}

inline ManifestSet load_text(const std::string& text, const LoadOptions& options = {}) {
  return load_texts({{"m.yaml", text}}, options);
}

// Messages as "line:col field: message", compact for assertions.
inline std::vector<std::string> messages(const ManifestSet& set) {
  std::vector<std::string> out;
  for (const auto& d : set.diagnostics) {
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " + d.field + ": " +
                  d.message);
  }
  return out;
}

inline bool any_message_contains(const ManifestSet& set, std::string_view text) {
  for (const auto& d : set.diagnostics) {
    if ((d.field + ": " + d.message).find(text) != std::string::npos) return true;
  }
  return false;
}

// Changes the working directory for one scope (goldens print paths relative to the repo root).
class ScopedCwd {
 public:
  explicit ScopedCwd(const std::filesystem::path& dir) : m_previous(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~ScopedCwd() { std::filesystem::current_path(m_previous); }
  ScopedCwd(const ScopedCwd&) = delete;
  ScopedCwd& operator=(const ScopedCwd&) = delete;

 private:
  std::filesystem::path m_previous;
};

}  // namespace wx::test
