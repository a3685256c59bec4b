#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/conformance/checker.h"
#include "wxphones/conformance/finding.h"
#include "wxphones/schema/json_schema.h"

namespace wx::conformance::detail {

// The checker's view of the calibration table (calibration.cpp). Each hook answers with the name of the
// rule that excuses something, or nullptr / std::nullopt when no enabled rule does.
class Calibration {
 public:
  explicit Calibration(const CheckOptions& options);

  const char* extra_query_parameter(const std::string& operation, const std::string& name) const;
  // The body may be a JSON array whose items each follow the (object) schema the description gives.
  const char* body_is_array_of_schema(const std::string& operation) const;
  const char* empty_response_allowed(const std::string& operation, int status) const;
  // A status to check the response as, when the real one is undocumented but known to occur.
  std::optional<std::pair<std::string, const char*>> status_alias(const std::string& operation,
                                                                  int status) const;
  // Whether a schema error in a body is a known, documented departure. `value` is the offending value
  // (nullptr when absent); `examples` are the operation's documented examples for this body.
  const char* tolerated(const std::string& operation, Where where, const schema::SchemaError& error,
                        const nlohmann::json* value,
                        const std::vector<const nlohmann::json*>& examples) const;

 private:
  bool enabled(const char* rule) const;
  const CheckOptions& m_options;
};

// Applies the schema patches of the table to one description (OpenApiSet::add_document).
void patch_description(nlohmann::json& document);

// "/a/*/b" against "/a/x/b": `*` is one segment, `**` any number (also none).
bool glob_match(const std::string& pattern, const std::string& text);

}  // namespace wx::conformance::detail
