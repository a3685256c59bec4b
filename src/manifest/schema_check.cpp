#include "manifest/schema_check.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "manifest/suggest.h"
#include "wxphones/manifest/embedded_schemas.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::manifest {

namespace {

std::string parent_pointer(const std::string& pointer) {
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

const nlohmann::json* follow_refs(const nlohmann::json& root, const nlohmann::json* schema) {
  for (int hops = 0; schema != nullptr && schema->is_object() && hops < 16; ++hops) {
    auto ref = schema->find("$ref");
    if (ref == schema->end() || !ref->is_string()) return schema;
    schema = schema::resolve_pointer(root, ref->get<std::string>());
  }
  return schema;
}

// The subschema describing the value at `pointer` (relative to the schema at `start`), for the plain
// shapes used by schemas/*.json (properties, items, local $ref). nullptr when the walk needs anything else.
const nlohmann::json* subschema_at(const nlohmann::json& root, const nlohmann::json* start,
                                   const std::string& pointer) {
  const nlohmann::json* schema = follow_refs(root, start);
  for (const std::string& token : schema::pointer_tokens(pointer)) {
    if (schema == nullptr || !schema->is_object()) return nullptr;
    const nlohmann::json* next = nullptr;
    auto properties = schema->find("properties");
    if (properties != schema->end() && properties->is_object() && properties->contains(token)) {
      next = &(*properties)[token];
    } else if (auto items = schema->find("items"); items != schema->end() && items->is_object()) {
      next = &*items;
    }
    schema = follow_refs(root, next);
  }
  return schema;
}

std::vector<std::string> property_names(const nlohmann::json* schema) {
  std::vector<std::string> names;
  if (schema == nullptr || !schema->is_object()) return names;
  auto properties = schema->find("properties");
  if (properties == schema->end() || !properties->is_object()) return names;
  for (const auto& [name, sub] : properties->items()) names.push_back(name);
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// `pointer` is relative to the checked value, which sits at `base` in the document.
Diagnostic unknown_field(const nlohmann::json& root, const nlohmann::json* start, const std::string& base,
                         const std::string& pointer, const SourceMap& locations,
                         const std::string& fallback) {
  Diagnostic d{Severity::Error, locations.key_location(base + pointer), field_path(base + pointer), fallback};
  std::vector<std::string> allowed = property_names(subschema_at(root, start, parent_pointer(pointer)));
  if (allowed.empty()) return d;
  std::vector<std::string> tokens = schema::pointer_tokens(pointer);
  std::string message = "unknown field";
  auto close = closest_names(tokens.empty() ? "" : tokens.back(), allowed, 1);
  if (!close.empty()) message += "; did you mean " + quoted_alternatives(close) + "?";
  // Official objects such as mppObject have dozens of keys: a list that long hides the message.
  constexpr std::size_t kMaxListed = 16;
  d.message = message + (allowed.size() <= kMaxListed
                             ? " (expected one of: " + joined(allowed) + ")"
                             : " (" + std::to_string(allowed.size()) + " fields are allowed here)");
  return d;
}

}  // namespace

const schema::SchemaDocument* embedded_schema(const std::string& file) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<schema::SchemaDocument>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto cached = cache.find(file);
  if (cached != cache.end()) return cached->second.get();
  std::unique_ptr<schema::SchemaDocument> document;
  const auto& files = embedded::schema_files();
  auto it = files.find(file);
  if (it != files.end()) {
    nlohmann::json parsed = nlohmann::json::parse(it->second, nullptr, false);
    if (!parsed.is_discarded()) document = std::make_unique<schema::SchemaDocument>(std::move(parsed));
  }
  return cache.emplace(file, std::move(document)).first->second.get();
}

Diagnostics check_schema(const nlohmann::json& document, const SourceMap& locations,
                         const schema::SchemaDocument& schema) {
  return check_schema_at(document, "", locations, schema, "");
}

Diagnostics check_schema_at(const nlohmann::json& value, const std::string& base, const SourceMap& locations,
                            const schema::SchemaDocument& schema, const std::string& schema_pointer) {
  Diagnostics out;
  std::set<std::string> reported;  // one diagnostic per field: the first failure says enough
  const nlohmann::json& root = schema.document();
  const nlohmann::json* start = schema::resolve_pointer(root, schema_pointer);
  for (const auto& error : schema.validate(value, schema_pointer)) {
    const std::string at = base + error.instance_path;
    Diagnostic d;
    if (error.keyword == "additionalProperties") {
      d = unknown_field(root, start, base, error.instance_path, locations, error.message);
    } else if (error.keyword == "required") {
      // The failure is on the object; name the field that is missing.
      const nlohmann::json* object = schema::resolve_pointer(value, error.instance_path);
      const nlohmann::json* sub = subschema_at(root, start, error.instance_path);
      std::string missing;
      if (object != nullptr && object->is_object() && sub != nullptr) {
        auto required = sub->find("required");
        if (required != sub->end() && required->is_array()) {
          for (const auto& name : *required) {
            if (name.is_string() && !object->contains(name.get<std::string>()) &&
                !reported.count(field_path(pointer_append(at, name.get<std::string>())))) {
              missing = name.get<std::string>();
              break;
            }
          }
        }
      }
      // At the key of the object that lacks the field ("spec:"), or the document's first line.
      if (missing.empty()) {
        d = {Severity::Error, locations.key_location(at), field_path(at), error.message};
      } else {
        d = {Severity::Error, locations.key_location(at), field_path(pointer_append(at, missing)),
             "missing required field"};
      }
    } else {
      d = {Severity::Error, locations.value_location(at), field_path(at), error.message};
    }
    if (reported.insert(d.field).second) out.push_back(std::move(d));
  }
  return out;
}

}  // namespace wx::manifest
