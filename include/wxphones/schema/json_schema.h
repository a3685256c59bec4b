#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx::schema {

// One way an instance fails its schema.
struct SchemaError {
  std::string instance_path;  // JSON Pointer of the offending value ("/spec/owner/person"); "" = root
  std::string keyword;  // the schema keyword that failed: type, enum, required, additionalProperties, ...
  std::string message;  // says what was expected: "expected one of MAC, activationCode, got \"mac\""
};

enum class Dialect {
  JsonSchema,  // draft 2020-12 subset used by schemas/*.json
  OpenApi30,   // OpenAPI 3.0 schema objects: nullable, no type arrays, tolerant of example/x-* keys
};

struct ValidateOptions {
  Dialect dialect = Dialect::JsonSchema;
  bool check_required = true;  // the conformance harness checks `required` only at the top level
  bool check_required_nested = true;
  // OpenAPI descriptions rarely say `additionalProperties: false`; the conformance harness still wants to
  // hear about fields a description does not list. When set, an object schema with `properties` and no
  // additionalProperties/patternProperties reports unlisted fields with keyword "undeclared".
  bool report_undeclared_properties = false;
};

// A document holding schemas (a JSON Schema file, or a whole OpenAPI description) so that
// local "$ref": "#/..." pointers resolve against it. Thread-safe after construction.
class SchemaDocument {
 public:
  explicit SchemaDocument(nlohmann::json document);

  // Validates `instance` against the schema at `schema_pointer` inside the document ("" = root).
  // Every failure is reported, not only the first.
  std::vector<SchemaError> validate(const nlohmann::json& instance, const std::string& schema_pointer = "",
                                    const ValidateOptions& options = {}) const;

  const nlohmann::json& document() const { return m_document; }

 private:
  nlohmann::json m_document;
};

}  // namespace wx::schema
