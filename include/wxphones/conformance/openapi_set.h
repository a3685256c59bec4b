#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/schema/json_schema.h"

namespace wx::conformance {

// One documented operation: where it lives, so its schemas can be validated by JSON pointer.
struct Operation {
  std::string method;         // upper case: "GET"
  std::string path_template;  // "/devices/{deviceId}"
  std::size_t document = 0;   // index into OpenApiSet::document()
  std::string pointer;        // JSON pointer of the operation object: "/paths/~1devices~1{deviceId}/get"

  std::string key() const { return method + " " + path_template; }  // "GET /devices/{deviceId}"
};

struct LoadOptions {
  // Apply the schema patches of the calibration table (calibration.cpp) to the loaded descriptions.
  bool apply_calibration = true;
};

// Every OpenAPI description of a directory, with operation lookup by concrete request path.
class OpenApiSet {
 public:
  // Loads every *.json / *.yml / *.yaml in `directory` (not recursive, sorted by name).
  // Throws std::runtime_error when the directory is missing or a file does not parse.
  static OpenApiSet load_directory(const std::filesystem::path& directory, const LoadOptions& options = {});

  // Adds one description (already parsed). `name` is used in reports (usually the file name).
  void add_document(const std::string& name, nlohmann::json document, const LoadOptions& options = {});

  // The operation documented for `method` (any case) on the concrete `path` ("/devices/Y2l..."), or nullptr.
  // Literal segments win over templated ones: "/devices/activationCode" beats "/devices/{deviceId}".
  const Operation* match(std::string_view method, std::string_view path) const;

  // Methods documented for a concrete path (empty when no template matches it at all).
  std::vector<std::string> methods_for(std::string_view path) const;

  // The OAuth 2 token endpoints the descriptions' security schemes declare (flows.*.tokenUrl), as paths
  // relative to the API base ("https://webexapis.com/v1/access_token" -> "/access_token").
  const std::vector<std::string>& token_paths() const { return m_token_paths; }

  const std::vector<Operation>& operations() const { return m_operations; }
  const schema::SchemaDocument& document(std::size_t index) const { return *m_documents.at(index); }
  const std::string& document_name(std::size_t index) const { return m_names.at(index); }
  std::size_t document_count() const { return m_documents.size(); }

 private:
  std::vector<std::unique_ptr<schema::SchemaDocument>> m_documents;
  std::vector<std::string> m_names;
  std::vector<Operation> m_operations;
  std::vector<std::string> m_token_paths;
};

}  // namespace wx::conformance
