#include "wxphones/schema/json_schema.h"

#include <set>
#include <tuple>

#include "validator.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::schema {

SchemaDocument::SchemaDocument(nlohmann::json document) : m_document(std::move(document)) {}

std::vector<SchemaError> SchemaDocument::validate(const nlohmann::json& instance,
                                                  const std::string& schema_pointer,
                                                  const ValidateOptions& options) const {
  std::vector<SchemaError> errors;
  const nlohmann::json* schema = resolve_pointer(m_document, schema_pointer);
  if (schema == nullptr) {
    errors.push_back({"", "$ref", "schema error: no schema at \"" + schema_pointer + "\""});
    return errors;
  }
  detail::Validator validator(m_document, options);
  validator.validate(instance, *schema, "", errors);

  // allOf branches and shared $refs can report one failure twice; keep the first.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<SchemaError> unique;
  for (auto& e : errors) {
    if (seen.emplace(e.instance_path, e.keyword, e.message).second) {
      unique.push_back(std::move(e));
    }
  }
  return unique;
}

}  // namespace wx::schema
