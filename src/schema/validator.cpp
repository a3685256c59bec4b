#include "validator.h"

#include <algorithm>
#include <cmath>

#include "branch_choice.h"
#include "value_text.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::schema::detail {
namespace {

constexpr int kMaxDepth = 200;

// Depth accounting that survives early returns.
class DepthGuard {
 public:
  explicit DepthGuard(int& depth) : m_depth(depth) { ++m_depth; }
  ~DepthGuard() { --m_depth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  int& m_depth;
};

bool only_top_level_type_errors(const std::vector<std::vector<SchemaError>>& errors,
                                const std::string& path) {
  for (const auto& branch : errors) {
    if (branch.size() != 1 || branch.front().keyword != "type" || branch.front().instance_path != path) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool type_matches(const nlohmann::json& value, const std::string& type_name) {
  if (type_name == "string") {
    return value.is_string();
  }
  if (type_name == "number") {
    return value.is_number();
  }
  if (type_name == "integer") {
    if (value.is_number_integer()) {
      return true;
    }
    if (value.is_number_float()) {
      const double d = value.get<double>();
      return std::isfinite(d) && std::trunc(d) == d;
    }
    return false;
  }
  if (type_name == "boolean") {
    return value.is_boolean();
  }
  if (type_name == "object") {
    return value.is_object();
  }
  if (type_name == "array") {
    return value.is_array();
  }
  if (type_name == "null") {
    return value.is_null();
  }
  return true;  // unknown type names constrain nothing
}

Validator::Validator(const nlohmann::json& document, const ValidateOptions& options)
    : m_document(document), m_options(options) {}

bool Validator::required_applies(const std::string& path) const {
  return m_options.check_required && (m_options.check_required_nested || path.empty());
}

void Validator::validate(const Json& instance, const Json& schema, const std::string& path, Errors& out) {
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) {
      out.push_back({path, "false", "no value is allowed here"});
    }
    return;
  }
  if (!schema.is_object()) {
    return;
  }
  if (m_depth >= kMaxDepth) {
    out.push_back({path, "$ref", "schema error: schemas nest too deeply here (recursive $ref?)"});
    return;
  }
  DepthGuard guard(m_depth);

  if (m_options.dialect == Dialect::OpenApi30 && instance.is_null()) {
    const auto nullable = schema.find("nullable");
    if (nullable != schema.end() && nullable->is_boolean() && nullable->get<bool>()) {
      return;
    }
  }
  if (schema.contains("$ref")) {
    check_ref(instance, schema, path, out);
  }
  if (!check_type(instance, schema, path, out)) {
    return;  // the other keywords would only restate the type mismatch
  }
  check_enum_const(instance, schema, path, out);
  if (instance.is_object()) {
    check_object(instance, schema, path, out);
  } else if (instance.is_array()) {
    check_array(instance, schema, path, out);
  } else if (instance.is_string()) {
    check_string(instance, schema, path, out);
  } else if (instance.is_number()) {
    check_number(instance, schema, path, out);
  }
  check_combinators(instance, schema, path, out);
}

void Validator::check_ref(const Json& instance, const Json& schema, const std::string& path, Errors& out) {
  const Json& ref = schema["$ref"];
  if (!ref.is_string()) {
    return;
  }
  const std::string target_text = ref.get<std::string>();
  if (target_text.empty() || target_text.front() != '#') {
    out.push_back(
        {path, "$ref",
         "schema error: only local references are supported, cannot follow \"" + target_text + "\""});
    return;
  }
  const Json* target = resolve_pointer(m_document, target_text);
  if (target == nullptr) {
    out.push_back({path, "$ref", "schema error: reference \"" + target_text + "\" points to nothing"});
    return;
  }
  const auto key = std::make_pair(target, &instance);
  if (m_active_refs.count(key) != 0) {
    return;
  }
  m_active_refs.insert(key);
  validate(instance, *target, path, out);
  m_active_refs.erase(key);
}

bool Validator::check_type(const Json& instance, const Json& schema, const std::string& path, Errors& out) {
  const auto it = schema.find("type");
  if (it == schema.end()) {
    return true;
  }
  std::vector<std::string> names;
  if (it->is_string()) {
    names.push_back(it->get<std::string>());
  } else if (it->is_array()) {
    for (const auto& n : *it) {
      if (n.is_string()) {
        names.push_back(n.get<std::string>());
      }
    }
  }
  if (names.empty()) {
    return true;
  }
  for (const auto& n : names) {
    if (type_matches(instance, n)) {
      return true;
    }
  }
  if (m_options.dialect == Dialect::OpenApi30) {
    const auto nullable = schema.find("nullable");
    if (nullable != schema.end() && nullable->is_boolean() && nullable->get<bool>()) {
      names.emplace_back("null");
    }
  }
  std::vector<std::string> phrases;
  for (const auto& n : names) {
    phrases.push_back(type_phrase(n));
  }
  out.push_back({path, "type", "expected " + join_or(phrases) + ", got " + got_phrase(instance)});
  return false;
}

void Validator::check_enum_const(const Json& instance, const Json& schema, const std::string& path,
                                 Errors& out) {
  const auto en = schema.find("enum");
  if (en != schema.end() && en->is_array()) {
    bool found = false;
    for (const auto& v : *en) {
      if (v == instance) {
        found = true;
        break;
      }
    }
    if (!found) {
      out.push_back(
          {path, "enum", "expected one of: " + list_values(*en) + "; got " + short_value(instance)});
    }
  }
  const auto co = schema.find("const");
  if (co != schema.end() && *co != instance) {
    out.push_back({path, "const", "expected exactly " + short_value(*co) + "; got " + short_value(instance)});
  }
}

void Validator::check_combinators(const Json& instance, const Json& schema, const std::string& path,
                                  Errors& out) {
  const auto all = schema.find("allOf");
  if (all != schema.end() && all->is_array()) {
    const auto marker = m_combined.insert(&instance);
    for (const auto& branch : *all) {
      validate(instance, branch, path, out);
    }
    m_combined.erase(marker);
  }
  const auto any = schema.find("anyOf");
  if (any != schema.end() && any->is_array() && !any->empty()) {
    check_alternatives(instance, *any, "anyOf", path, out);
  }
  const auto one = schema.find("oneOf");
  if (one != schema.end() && one->is_array() && !one->empty()) {
    check_alternatives(instance, *one, "oneOf", path, out);
  }
  const auto no = schema.find("not");
  if (no != schema.end()) {
    Errors inner;
    validate(instance, *no, path, inner);
    if (inner.empty()) {
      std::string message = "this value is not allowed here";
      if (no->is_object() && no->contains("description") && (*no)["description"].is_string()) {
        message += ": " + (*no)["description"].get<std::string>();
      }
      out.push_back({path, "not", message});
    }
  }
}

void Validator::check_alternatives(const Json& instance, const Json& branches, const std::string& keyword,
                                   const std::string& path, Errors& out) {
  std::vector<Errors> results(branches.size());
  std::vector<std::size_t> passing;
  const auto marker = m_combined.insert(&instance);
  for (std::size_t i = 0; i < branches.size(); ++i) {
    validate(instance, branches[i], path, results[i]);
    if (results[i].empty()) {
      passing.push_back(i);
    }
  }
  m_combined.erase(marker);
  if (passing.size() == 1 || (keyword == "anyOf" && !passing.empty())) {
    return;
  }
  if (passing.size() > 1) {
    // With `required` relaxed, branches told apart only by their required fields all pass: not an error.
    if (required_applies(path)) {
      out.push_back({path, keyword,
                     "matches more than one of the allowed forms (forms " + std::to_string(passing[0] + 1) +
                         " and " + std::to_string(passing[1] + 1) + "); it must match exactly one"});
    }
    return;
  }
  if (only_top_level_type_errors(results, path)) {
    std::vector<std::string> phrases;
    for (const auto& branch : branches) {
      for (const auto& t : declared_types(m_document, branch)) {
        const std::string phrase = type_phrase(t);
        if (std::find(phrases.begin(), phrases.end(), phrase) == phrases.end()) {
          phrases.push_back(phrase);
        }
      }
    }
    out.push_back({path, keyword, "expected " + join_or(phrases) + ", got " + got_phrase(instance)});
    return;
  }
  const std::size_t best = closest_branch(m_document, branches, instance, results);
  out.insert(out.end(), results[best].begin(), results[best].end());
}

}  // namespace wx::schema::detail
