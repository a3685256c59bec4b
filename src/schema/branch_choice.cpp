#include "branch_choice.h"

#include <limits>
#include <map>
#include <set>

#include "validator.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::schema::detail {
namespace {

constexpr int kMaxShapeDepth = 16;

// What a branch says about an object, flattened over $ref and allOf.
struct Shape {
  std::vector<std::string> types;
  std::map<std::string, const nlohmann::json*> properties;
  std::set<std::string> required;
  bool closed = false;  // additionalProperties: false
};

const nlohmann::json& follow_refs(const nlohmann::json& document, const nlohmann::json& schema) {
  const nlohmann::json* current = &schema;
  for (int hops = 0; hops < kMaxShapeDepth; ++hops) {
    if (!current->is_object() || !current->contains("$ref") || !(*current)["$ref"].is_string()) {
      break;
    }
    const nlohmann::json* target = resolve_pointer(document, (*current)["$ref"].get<std::string>());
    if (target == nullptr) {
      break;
    }
    current = target;
  }
  return *current;
}

void collect_shape(const nlohmann::json& document, const nlohmann::json& raw, Shape& shape, int depth) {
  if (depth > kMaxShapeDepth) {
    return;
  }
  const nlohmann::json& schema = follow_refs(document, raw);
  if (!schema.is_object()) {
    return;
  }
  if (const auto t = schema.find("type"); t != schema.end()) {
    if (t->is_string()) {
      shape.types.push_back(t->get<std::string>());
    } else if (t->is_array()) {
      for (const auto& n : *t) {
        if (n.is_string()) {
          shape.types.push_back(n.get<std::string>());
        }
      }
    }
  }
  if (const auto p = schema.find("properties"); p != schema.end() && p->is_object()) {
    for (const auto& [name, sub] : p->items()) {
      shape.properties.emplace(name, &sub);
    }
  }
  if (const auto r = schema.find("required"); r != schema.end() && r->is_array()) {
    for (const auto& name : *r) {
      if (name.is_string()) {
        shape.required.insert(name.get<std::string>());
      }
    }
  }
  if (const auto a = schema.find("additionalProperties");
      a != schema.end() && a->is_boolean() && !a->get<bool>()) {
    shape.closed = true;
  }
  if (const auto all = schema.find("allOf"); all != schema.end() && all->is_array()) {
    for (const auto& sub : *all) {
      collect_shape(document, sub, shape, depth + 1);
    }
  }
}

// How strongly one property's value says "this branch" (a matching const) or "not this branch".
long property_signal(const nlohmann::json& document, const nlohmann::json& raw, const nlohmann::json& value) {
  const nlohmann::json& sub = follow_refs(document, raw);
  if (!sub.is_object()) {
    return 0;
  }
  const nlohmann::json* constant = nullptr;
  if (const auto c = sub.find("const"); c != sub.end()) {
    constant = &*c;
  } else if (const auto e = sub.find("enum"); e != sub.end() && e->is_array()) {
    if (e->size() == 1) {
      constant = &(*e)[0];
    } else {
      for (const auto& v : *e) {
        if (v == value) {
          return 3;
        }
      }
      return -5;
    }
  }
  if (constant == nullptr) {
    return 0;
  }
  return *constant == value ? 20 : -1000;
}

long closeness(const nlohmann::json& document, const nlohmann::json& branch, const nlohmann::json& instance) {
  Shape shape;
  collect_shape(document, branch, shape, 0);
  long score = 0;
  if (!shape.types.empty()) {
    bool fits = false;
    for (const auto& t : shape.types) {
      fits = fits || type_matches(instance, t);
    }
    if (!fits) {
      score -= 1'000'000;
    }
  }
  if (instance.is_object()) {
    for (const auto& [key, value] : instance.items()) {
      const auto it = shape.properties.find(key);
      if (it != shape.properties.end()) {
        score += 2 + property_signal(document, *it->second, value);
      } else if (shape.closed) {
        score -= 2;
      }
    }
    for (const auto& name : shape.required) {
      score += instance.contains(name) ? 1 : -1;
    }
  }
  return score;
}

}  // namespace

std::vector<std::string> declared_types(const nlohmann::json& document, const nlohmann::json& schema) {
  Shape shape;
  collect_shape(document, schema, shape, 0);
  return shape.types;
}

std::size_t closest_branch(const nlohmann::json& document, const nlohmann::json& branches,
                           const nlohmann::json& instance,
                           const std::vector<std::vector<SchemaError>>& errors) {
  std::size_t best = 0;
  long best_score = std::numeric_limits<long>::min();
  for (std::size_t i = 0; i < branches.size(); ++i) {
    const long score = closeness(document, branches[i], instance);
    if (score > best_score || (score == best_score && errors[i].size() < errors[best].size())) {
      best = i;
      best_score = score;
    }
  }
  return best;
}

}  // namespace wx::schema::detail
