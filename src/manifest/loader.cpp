#include "wxphones/manifest/loader.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "manifest/json_access.h"
#include "manifest/schema_check.h"
#include "manifest/suggest.h"
#include "wxphones/manifest/kind_registry.h"
#include "wxphones/manifest/text_checks.h"
#include "wxphones/manifest/yaml_reader.h"
#include "wxphones/util/digest.h"

namespace wx {
namespace manifest {

struct ManifestLoader::State {
  const ModelCatalog* catalog = nullptr;
  const KindRegistry* kinds = nullptr;
  ManifestSet set;
  std::map<std::string, std::size_t> file_order;  // sorts diagnostics in reading order
  Digest digest;
  std::map<std::string, std::map<std::string, SourceLocation>> names;  // kind -> name -> first
  bool finished = false;

  void error(Diagnostics& out, SourceLocation where, std::string field, std::string message) {
    out.push_back(Diagnostic{Severity::Error, std::move(where), std::move(field), std::move(message)});
  }

  // The envelope: apiVersion, kind (which selects the decoder and schema), metadata.name.
  const KindHandler* read_envelope(const YamlDocument& doc, Diagnostics& out) {
    const nlohmann::json& body = doc.value;
    const SourceMap& at = doc.locations;
    const SourceLocation first_line = at.value_location("");
    const nlohmann::json* api = member_of(body, "apiVersion");
    if (api == nullptr) {
      error(out, first_line, "apiVersion", "missing apiVersion; expected " + std::string(kApiVersion));
    } else if (!api->is_string() || api->get<std::string>() != kApiVersion) {
      error(out, at.value_location("/apiVersion"), "apiVersion",
            "unknown apiVersion " + api->dump() + "; expected " + std::string(kApiVersion));
    }
    std::vector<std::string> known = kinds->names();
    std::string expected = " (expected one of: ";
    for (std::size_t i = 0; i < known.size(); ++i) expected += (i ? ", " : "") + known[i];
    expected += ")";
    const nlohmann::json* kind = member_of(body, "kind");
    if (kind == nullptr) {
      error(out, first_line, "kind", "missing kind" + expected);
      return nullptr;
    }
    const KindHandler* handler = kind->is_string() ? kinds->find(kind->get<std::string>()) : nullptr;
    if (handler == nullptr) {
      std::string message = "unknown kind " + kind->dump();
      if (kind->is_string()) {
        auto close = closest_names(kind->get<std::string>(), known, 1);
        if (!close.empty()) message += "; did you mean " + quoted_alternatives(close) + "?";
      }
      error(out, at.value_location("/kind"), "kind", message + expected);
    }
    return handler;
  }

  void add_document(const YamlDocument& doc) {
    ++set.documents;
    Diagnostics local;
    if (!doc.value.is_object()) {
      error(local, doc.locations.value_location(""), "",
            "a document must be a mapping with apiVersion, kind, metadata and spec; got " +
                std::string(doc.value.type_name()));
      append(local);
      return;
    }
    const KindHandler* handler = read_envelope(doc, local);
    if (handler == nullptr) {
      append(local);
      return;
    }
    ++set.kinds[handler->kind];
    std::string name;
    const nlohmann::json* metadata = member_of(doc.value, "metadata");
    if (const std::string* n = metadata != nullptr ? string_member(*metadata, "name") : nullptr) name = *n;
    if (!name.empty()) {
      auto [it, inserted] =
          names[handler->kind].emplace(name, doc.locations.value_location("/metadata/name"));
      if (!inserted) {
        error(local, doc.locations.value_location("/metadata/name"), "metadata.name",
              "duplicate " + handler->kind + " name \"" + name + "\"; first declared at " +
                  location_text(it->second));
      }
    }
    ManifestDocument document{handler->kind, name, doc.value, doc.locations};
    DecodeContext context{set.desired, local, *catalog};
    handler->decode(document, context);

    // The decoder's messages are the more specific: the schema adds only fields it did not mention.
    std::set<std::string> mentioned;
    for (const auto& d : local) mentioned.insert(d.field);
    if (const schema::SchemaDocument* schema = embedded_schema(handler->schema_file)) {
      for (auto& d : check_schema(doc.value, doc.locations, *schema)) {
        if (!mentioned.count(d.field)) local.push_back(std::move(d));
      }
    } else {
      error(local, doc.start, "", "internal error: schema " + handler->schema_file + " is not built in");
    }
    append(local);
  }

  void append(Diagnostics& local) {
    for (auto& d : local) set.diagnostics.push_back(std::move(d));
  }
};

ManifestLoader::ManifestLoader(LoadOptions options) : m_state(std::make_unique<State>()) {
  m_state->catalog = options.catalog != nullptr ? options.catalog : &ModelCatalog::builtin();
  m_state->kinds = options.kinds != nullptr ? options.kinds : &KindRegistry::builtin();
}

ManifestLoader::~ManifestLoader() = default;

void ManifestLoader::add_file(const std::filesystem::path& path, const std::string& file) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    add_diagnostic({Severity::Error, {file, 0, 0}, "", "cannot read: " + ec.message()});
    return;
  }
  if (size > kMaxManifestBytes) {
    m_state->file_order.emplace(file, m_state->file_order.size());
    ++m_state->set.files;
    add_diagnostic({Severity::Error,
                    {file, 0, 0},
                    "",
                    "file is " + std::to_string(size) + " bytes; a manifest may be at most 8 MiB"});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) {
    add_diagnostic({Severity::Error, {file, 0, 0}, "", "cannot read the file"});
    return;
  }
  add_text(file, content.str());
}

void ManifestLoader::add_text(const std::string& file, std::string_view text) {
  m_state->file_order.emplace(file, m_state->file_order.size());
  ++m_state->set.files;
  m_state->digest.add(text);
  Diagnostics& out = m_state->set.diagnostics;
  if (!check_manifest_text(text, file, out)) return;
  for (const YamlDocument& doc : read_yaml_documents(text, file, out)) m_state->add_document(doc);
}

void ManifestLoader::add_diagnostic(Diagnostic diagnostic) {
  m_state->set.diagnostics.push_back(std::move(diagnostic));
}

ManifestSet ManifestLoader::finish() {
  State& s = *m_state;
  if (!s.finished) {
    s.finished = true;
    DecodeContext context{s.set.desired, s.set.diagnostics, *s.catalog};
    for (const KindHandler& handler : s.kinds->kinds()) {
      if (handler.finish) handler.finish(context);
    }
    auto order = [&s](const Diagnostic& d) {
      auto it = s.file_order.find(d.where.file);
      return std::make_tuple(it == s.file_order.end() ? s.file_order.size() : it->second, d.where.line,
                             d.where.column);
    };
    std::stable_sort(s.set.diagnostics.begin(), s.set.diagnostics.end(),
                     [&order](const Diagnostic& a, const Diagnostic& b) { return order(a) < order(b); });
  }
  s.set.digest = s.digest.hex();
  return std::move(s.set);
}

}  // namespace manifest

ManifestSet load_manifests(const std::filesystem::path& root, const LoadOptions& options) {
  manifest::ManifestLoader loader(options);
  const std::string root_text = root.string();
  std::error_code ec;
  auto status = std::filesystem::status(root, ec);
  if (ec || !std::filesystem::exists(status)) {
    loader.add_diagnostic({Severity::Error, {root_text, 0, 0}, "", "no such file or directory"});
    return loader.finish();
  }
  if (!std::filesystem::is_directory(status)) {
    loader.add_file(root, root_text);
    return loader.finish();
  }
  std::vector<std::filesystem::path> files;
  auto hidden = [](const std::filesystem::path& p) {
    std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
  };
  std::filesystem::recursive_directory_iterator it(root, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& path = it->path();
    if (hidden(path)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    std::string extension = path.extension().string();
    if ((extension == ".yaml" || extension == ".yml") && it->is_regular_file()) files.push_back(path);
  }
  if (ec) loader.add_diagnostic({Severity::Error, {root_text, 0, 0}, "", "cannot list: " + ec.message()});
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.generic_string() < b.generic_string(); });
  for (const auto& path : files) loader.add_file(path, path.string());
  if (files.empty() && !ec) {
    loader.add_diagnostic(
        {Severity::Error, {root_text, 0, 0}, "", "no manifests (*.yaml, *.yml) found here"});
  }
  return loader.finish();
}

}  // namespace wx
