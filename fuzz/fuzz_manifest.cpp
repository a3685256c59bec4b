// libFuzzer target: one input = one manifest file, loaded and reported the way `wxphones validate`
// does it (wx::validate_manifests): ManifestLoader (text checks, YAML reader, kinds, schemas,
// cross-document rules), then every diagnostic rendered with its source line and the summary.
//
// The loader reports problems as diagnostics and throws nothing; any exception, crash, leak or UB is
// a finding, and so is a diagnostic that points nowhere (empty message, another file, a line past
// the end).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "wxphones/manifest/diagnostic_printer.h"
#include "wxphones/manifest/loader.h"

namespace {

[[noreturn]] void finding(const char* what, const wx::Diagnostic& d) {
  std::fprintf(stderr, "fuzz_manifest: %s: %s:%d:%d: %s: %s\n", what, d.where.file.c_str(), d.where.line,
               d.where.column, d.field.c_str(), d.message.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string file = "fuzz/input.yaml";
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  wx::manifest::ManifestLoader loader;
  loader.add_text(file, text);
  wx::ManifestSet set = loader.finish();

  std::size_t lines = 1;
  for (char c : text) {
    lines += c == '\n' ? 1 : 0;
  }
  for (const auto& d : set.diagnostics) {
    if (d.message.empty()) {
      finding("diagnostic without a message", d);
    }
    if (d.where.file != file) {
      finding("diagnostic names another file", d);
    }
    if (d.where.line < 0 || static_cast<std::size_t>(d.where.line) > lines + 1 || d.where.column < 0) {
      finding("diagnostic points outside the text", d);
    }
  }

  wx::DiagnosticPrinter printer;
  printer.add_source(file, text);
  std::ostringstream err;
  printer.print(err, set.diagnostics);
  err << wx::diagnostics_summary(set.diagnostics);
  return 0;
}
