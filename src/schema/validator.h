#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/schema/json_schema.h"

namespace wx::schema::detail {

// One validation run: walks instance and schema together, appending every failure to `out`.
// Holds the per-run recursion state (active $ref targets), so a run is single-threaded while the
// SchemaDocument it reads stays shareable.
class Validator {
 public:
  Validator(const nlohmann::json& document, const ValidateOptions& options);

  void validate(const nlohmann::json& instance, const nlohmann::json& schema, const std::string& path,
                std::vector<SchemaError>& out);

 private:
  using Json = nlohmann::json;
  using Errors = std::vector<SchemaError>;

  void check_ref(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  bool check_type(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  void check_enum_const(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  void check_object(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  void check_array(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  void check_string(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  void check_number(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  void check_combinators(const Json& instance, const Json& schema, const std::string& path, Errors& out);
  void check_alternatives(const Json& instance, const Json& branches, const std::string& keyword,
                          const std::string& path, Errors& out);

  bool required_applies(const std::string& path) const;

  const Json& m_document;
  ValidateOptions m_options;
  // (schema, instance) pairs being validated through a $ref: re-entering one means a cycle that
  // consumes no instance, so it cannot add errors and is cut.
  std::set<std::pair<const Json*, const Json*>> m_active_refs;
  int m_depth = 0;
  // Instances being checked against allOf/anyOf/oneOf branches: one branch alone does not list every
  // field the whole schema allows, so "undeclared" is not reported there.
  std::multiset<const Json*> m_combined;
};

// Whether `value` is of the JSON Schema type `type_name` ("integer" accepts 7.0).
bool type_matches(const nlohmann::json& value, const std::string& type_name);

}  // namespace wx::schema::detail
