#include "wxphones/conformance/openapi_set.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>

#include "calibration_hooks.h"
#include "path_segments.h"
#include "wxphones/conformance/yaml_json.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::conformance {
namespace {

const char* const kMethods[] = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

// Per segment: 1 = literal match, 0 = template match; nullopt when the template does not match.
std::optional<std::vector<int>> match_quality(const std::string& path_template,
                                              const std::vector<std::string>& path) {
  const auto parts = detail::split_path(path_template);
  if (parts.size() != path.size()) {
    return std::nullopt;
  }
  std::vector<int> quality;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      if (path[i].empty()) {
        return std::nullopt;
      }
      quality.push_back(0);
    } else if (p == path[i]) {
      quality.push_back(1);
    } else {
      return std::nullopt;
    }
  }
  return quality;
}

}  // namespace

OpenApiSet OpenApiSet::load_directory(const std::filesystem::path& directory, const LoadOptions& options) {
  if (!std::filesystem::is_directory(directory)) {
    throw std::runtime_error("OpenAPI description directory not found: " + directory.string());
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const auto ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".json" || ext == ".yml" || ext == ".yaml")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  OpenApiSet set;
  for (const auto& file : files) {
    nlohmann::json document;
    if (file.extension() == ".json") {
      std::ifstream in(file);
      try {
        document = nlohmann::json::parse(in);
      } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + ": invalid JSON: " + e.what());
      }
    } else {
      document = yaml_file_to_json(file);
    }
    set.add_document(file.filename().string(), std::move(document), options);
  }
  return set;
}

void OpenApiSet::add_document(const std::string& name, nlohmann::json document, const LoadOptions& options) {
  if (options.apply_calibration) {
    detail::patch_description(document);
  }
  const std::size_t index = m_documents.size();
  const auto paths = document.find("paths");
  if (paths != document.end() && paths->is_object()) {
    for (const auto& [path_template, item] : paths->items()) {
      if (!item.is_object()) {
        continue;
      }
      for (const char* method : kMethods) {
        if (item.contains(method)) {
          m_operations.push_back(
              Operation{upper(method), path_template, index,
                        schema::pointer_append(schema::pointer_append("/paths", path_template), method)});
        }
      }
    }
  }
  if (const auto* schemes = schema::resolve_pointer(document, "/components/securitySchemes");
      schemes != nullptr && schemes->is_object()) {
    for (const auto& [scheme_name, scheme] : schemes->items()) {
      const auto flows = scheme.find("flows");
      if (!scheme.is_object() || flows == scheme.end() || !flows->is_object()) continue;
      for (const auto& [flow_name, flow] : flows->items()) {
        if (!flow.is_object() || !flow.contains("tokenUrl") || !flow["tokenUrl"].is_string()) continue;
        const std::string url = flow["tokenUrl"].get<std::string>();
        // The API base of every description is https://webexapis.com/v1.
        const auto at = url.find("/v1/");
        if (at == std::string::npos) continue;
        const std::string path = url.substr(at + 3);
        if (std::find(m_token_paths.begin(), m_token_paths.end(), path) == m_token_paths.end()) {
          m_token_paths.push_back(path);
        }
      }
    }
  }
  m_documents.push_back(std::make_unique<schema::SchemaDocument>(std::move(document)));
  m_names.push_back(name);
}

const Operation* OpenApiSet::match(std::string_view method, std::string_view path) const {
  const std::string wanted = upper(method);
  const auto segments = detail::split_path(path);
  const Operation* best = nullptr;
  std::vector<int> best_quality;
  for (const auto& op : m_operations) {
    if (op.method != wanted) {
      continue;
    }
    const auto quality = match_quality(op.path_template, segments);
    if (quality && (best == nullptr || *quality > best_quality)) {
      best = &op;
      best_quality = *quality;
    }
  }
  return best;
}

std::vector<std::string> OpenApiSet::methods_for(std::string_view path) const {
  const auto segments = detail::split_path(path);
  std::vector<std::string> methods;
  for (const auto& op : m_operations) {
    if (match_quality(op.path_template, segments) &&
        std::find(methods.begin(), methods.end(), op.method) == methods.end()) {
      methods.push_back(op.method);
    }
  }
  return methods;
}

}  // namespace wx::conformance
