// The per-type keywords of Validator: objects, arrays, strings, numbers.
#include <cmath>

#include "formats.h"
#include "regex_cache.h"
#include "validator.h"
#include "value_text.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::schema::detail {
namespace {

const nlohmann::json* member(const nlohmann::json& schema, const char* name) {
  const auto it = schema.find(name);
  return it == schema.end() ? nullptr : &*it;
}

const nlohmann::json* number_member(const nlohmann::json& schema, const char* name) {
  const auto* m = member(schema, name);
  return (m != nullptr && m->is_number()) ? m : nullptr;
}

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string unknown_field_message(const std::string& key, const nlohmann::json* properties,
                                  const nlohmann::json* pattern_properties) {
  std::string message = "unknown field " + short_value(nlohmann::json(key));
  std::string allowed;
  if (properties != nullptr && properties->is_object()) {
    for (const auto& [name, sub] : properties->items()) {
      allowed += (allowed.empty() ? "" : ", ") + name;
    }
  }
  if (pattern_properties != nullptr && pattern_properties->is_object()) {
    for (const auto& [pattern, sub] : pattern_properties->items()) {
      allowed += (allowed.empty() ? "a name matching " : ", or a name matching ") + pattern;
    }
  }
  if (allowed.empty()) {
    return message + "; no fields are allowed here";
  }
  return message + "; expected one of: " + allowed;
}

std::string list_names(const nlohmann::json& properties) {
  std::string out;
  for (const auto& [name, sub] : properties.items()) {
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace

void Validator::check_object(const Json& instance, const Json& schema, const std::string& path, Errors& out) {
  const Json* properties = member(schema, "properties");
  const Json* pattern_properties = member(schema, "patternProperties");
  const Json* additional = member(schema, "additionalProperties");
  if (properties != nullptr && !properties->is_object()) {
    properties = nullptr;
  }
  if (pattern_properties != nullptr && !pattern_properties->is_object()) {
    pattern_properties = nullptr;
  }

  const Json* required = member(schema, "required");
  if (required != nullptr && required->is_array() && required_applies(path)) {
    for (const auto& name : *required) {
      if (name.is_string() && !instance.contains(name.get<std::string>())) {
        out.push_back({path, "required", "missing required field " + short_value(name)});
      }
    }
  }

  for (const auto& [key, value] : instance.items()) {
    const std::string child = pointer_append(path, key);
    bool matched = false;
    if (properties != nullptr) {
      const auto it = properties->find(key);
      if (it != properties->end()) {
        matched = true;
        validate(value, *it, child, out);
      }
    }
    if (pattern_properties != nullptr) {
      for (const auto& [pattern, sub] : pattern_properties->items()) {
        const auto re = compiled_regex(pattern);
        if (!re) {
          out.push_back({child, "patternProperties", "schema error: invalid pattern " + pattern});
        } else if (key.size() <= kMaxRegexText && std::regex_search(key, *re)) {
          matched = true;
          validate(value, sub, child, out);
        }
      }
    }
    if (!matched && additional == nullptr && properties != nullptr && pattern_properties == nullptr &&
        m_options.report_undeclared_properties && m_combined.count(&instance) == 0) {
      out.push_back({child, "undeclared",
                     "undeclared field " + short_value(nlohmann::json(key)) +
                         "; the description lists: " + list_names(*properties)});
    }
    if (!matched && additional != nullptr) {
      if (additional->is_boolean() && !additional->get<bool>()) {
        out.push_back(
            {child, "additionalProperties", unknown_field_message(key, properties, pattern_properties)});
      } else if (additional->is_object()) {
        validate(value, *additional, child, out);
      }
    }
  }

  if (const Json* min = number_member(schema, "minProperties");
      min != nullptr && instance.size() < min->get<double>()) {
    out.push_back({path, "minProperties",
                   "expected at least " + plural(static_cast<std::size_t>(min->get<double>()), "field") +
                       ", got " + std::to_string(instance.size())});
  }
  if (const Json* max = number_member(schema, "maxProperties");
      max != nullptr && instance.size() > max->get<double>()) {
    out.push_back({path, "maxProperties",
                   "expected at most " + plural(static_cast<std::size_t>(max->get<double>()), "field") +
                       ", got " + std::to_string(instance.size())});
  }
}

void Validator::check_array(const Json& instance, const Json& schema, const std::string& path, Errors& out) {
  std::size_t first_free = 0;  // items before this index were checked positionally
  const Json* prefix = member(schema, "prefixItems");
  const Json* items = member(schema, "items");
  if (items != nullptr && items->is_array()) {
    prefix = items;  // draft-04 tuple form
    items = member(schema, "additionalItems");
  }
  if (prefix != nullptr && prefix->is_array()) {
    for (std::size_t i = 0; i < prefix->size() && i < instance.size(); ++i) {
      validate(instance[i], (*prefix)[i], pointer_append(path, i), out);
    }
    first_free = prefix->size();
  }
  if (items != nullptr && (items->is_object() || items->is_boolean())) {
    for (std::size_t i = first_free; i < instance.size(); ++i) {
      validate(instance[i], *items, pointer_append(path, i), out);
    }
  }
  if (const Json* min = number_member(schema, "minItems");
      min != nullptr && instance.size() < min->get<double>()) {
    out.push_back({path, "minItems",
                   "expected at least " + plural(static_cast<std::size_t>(min->get<double>()), "item") +
                       ", got " + std::to_string(instance.size())});
  }
  if (const Json* max = number_member(schema, "maxItems");
      max != nullptr && instance.size() > max->get<double>()) {
    out.push_back({path, "maxItems",
                   "expected at most " + plural(static_cast<std::size_t>(max->get<double>()), "item") +
                       ", got " + std::to_string(instance.size())});
  }
  const Json* unique = member(schema, "uniqueItems");
  if (unique != nullptr && unique->is_boolean() && unique->get<bool>()) {
    for (std::size_t i = 1; i < instance.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (instance[i] == instance[j]) {
          out.push_back(
              {pointer_append(path, i), "uniqueItems",
               "duplicate item " + short_value(instance[i]) + ": same as item " + std::to_string(j)});
          break;
        }
      }
    }
  }
}

void Validator::check_string(const Json& instance, const Json& schema, const std::string& path, Errors& out) {
  const std::string& text = instance.get_ref<const std::string&>();
  const std::size_t length = utf8_length(text);
  if (const Json* min = number_member(schema, "minLength"); min != nullptr && length < min->get<double>()) {
    out.push_back({path, "minLength",
                   "expected at least " + plural(static_cast<std::size_t>(min->get<double>()), "character") +
                       ", got " + std::to_string(length)});
  }
  if (const Json* max = number_member(schema, "maxLength"); max != nullptr && length > max->get<double>()) {
    out.push_back({path, "maxLength",
                   "expected at most " + plural(static_cast<std::size_t>(max->get<double>()), "character") +
                       ", got " + std::to_string(length)});
  }
  const Json* pattern = member(schema, "pattern");
  if (pattern != nullptr && pattern->is_string()) {
    const auto re = compiled_regex(pattern->get<std::string>());
    if (!re) {
      out.push_back({path, "pattern", "schema error: invalid pattern " + pattern->get<std::string>()});
    } else if (text.size() > kMaxRegexText) {
      out.push_back(
          {path, "pattern",
           "a text of " + std::to_string(length) + " characters is too long for the expected format"});
    } else if (!std::regex_search(text, *re)) {
      const Json* description = member(schema, "description");
      const std::string expected = (description != nullptr && description->is_string())
                                       ? description->get<std::string>()
                                       : pattern->get<std::string>();
      out.push_back(
          {path, "pattern", short_value(instance) + " does not match the expected format: " + expected});
    }
  }
  const Json* format = member(schema, "format");
  if (format != nullptr && format->is_string()) {
    if (const auto expected = check_format(format->get<std::string>(), text)) {
      out.push_back({path, "format",
                     short_value(instance) + " is not a valid " + format->get<std::string>() + ": expected " +
                         *expected});
    }
  }
}

void Validator::check_number(const Json& instance, const Json& schema, const std::string& path, Errors& out) {
  const double value = instance.get<double>();
  const std::string got = ", got " + number_text(instance);
  const Json* minimum = number_member(schema, "minimum");
  const Json* maximum = number_member(schema, "maximum");
  const Json* ex_min = member(schema, "exclusiveMinimum");
  const Json* ex_max = member(schema, "exclusiveMaximum");
  // OpenAPI 3.0 / draft-04 spell exclusivity as a boolean modifier of minimum/maximum.
  const bool min_exclusive = ex_min != nullptr && ex_min->is_boolean() && ex_min->get<bool>();
  const bool max_exclusive = ex_max != nullptr && ex_max->is_boolean() && ex_max->get<bool>();
  if (minimum != nullptr) {
    const double bound = minimum->get<double>();
    if (min_exclusive ? value <= bound : value < bound) {
      out.push_back({path, "minimum",
                     (min_exclusive ? "expected a value greater than " : "expected a value of at least ") +
                         number_text(*minimum) + got});
    }
  }
  if (maximum != nullptr) {
    const double bound = maximum->get<double>();
    if (max_exclusive ? value >= bound : value > bound) {
      out.push_back({path, "maximum",
                     (max_exclusive ? "expected a value less than " : "expected a value of at most ") +
                         number_text(*maximum) + got});
    }
  }
  if (ex_min != nullptr && ex_min->is_number() && value <= ex_min->get<double>()) {
    out.push_back({path, "exclusiveMinimum", "expected a value greater than " + number_text(*ex_min) + got});
  }
  if (ex_max != nullptr && ex_max->is_number() && value >= ex_max->get<double>()) {
    out.push_back({path, "exclusiveMaximum", "expected a value less than " + number_text(*ex_max) + got});
  }
  const Json* multiple = number_member(schema, "multipleOf");
  if (multiple != nullptr && multiple->get<double>() > 0) {
    const double quotient = value / multiple->get<double>();
    if (std::fabs(quotient - std::round(quotient)) > 1e-9) {
      out.push_back({path, "multipleOf", "expected a multiple of " + number_text(*multiple) + got});
    }
  }
}

}  // namespace wx::schema::detail
