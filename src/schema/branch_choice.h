#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/schema/json_schema.h"

namespace wx::schema::detail {

// For a failed oneOf/anyOf, which branch the author most likely meant: the one whose type fits, whose
// discriminating constants (kind: Phone) match, and whose property names and `required` list best cover
// the instance; ties go to the branch with the fewest errors. Its errors are the useful ones to report.
std::size_t closest_branch(const nlohmann::json& document, const nlohmann::json& branches,
                           const nlohmann::json& instance,
                           const std::vector<std::vector<SchemaError>>& errors);

// The type names a branch declares (following $ref and allOf); empty when it declares none.
std::vector<std::string> declared_types(const nlohmann::json& document, const nlohmann::json& schema);

}  // namespace wx::schema::detail
