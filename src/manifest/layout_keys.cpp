#include "manifest/layout_keys.h"

#include <climits>
#include <map>
#include <utility>

#include "manifest/json_access.h"
#include "manifest/speed_dial.h"
#include "wxphones/schema/json_pointer.h"

namespace wx::manifest {

namespace {

constexpr const char* kPrimaryLine = "PRIMARY_LINE";
constexpr const char* kSharedLine = "SHARED_LINE";
constexpr const char* kSpeedDial = "SPEED_DIAL";

std::optional<std::int64_t> integer_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json* value = member_of(object, key);
  if (value == nullptr || !value->is_number_integer()) {
    return std::nullopt;
  }
  if (value->is_number_unsigned()) {
    auto u = value->get<std::uint64_t>();
    return u > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(u);
  }
  return value->get<std::int64_t>();
}

std::optional<std::string> optional_string(const nlohmann::json& object, const char* key) {
  const std::string* value = string_member(object, key);
  return value != nullptr ? std::optional<std::string>(*value) : std::nullopt;
}

int to_int(std::int64_t value) {
  return value > INT_MAX ? INT_MAX : (value < INT_MIN ? INT_MIN : static_cast<int>(value));
}

std::optional<int> to_int(const std::optional<std::int64_t>& value) {
  return value ? std::optional<int>(to_int(*value)) : std::nullopt;
}

std::string range_text(int last) {
  return last == 1 ? "1" : "1.." + std::to_string(last);
}

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int kem_keys_per_module(const std::string& module_type) {
  // KEM_<n>_KEYS; Webex may add sizes, so read the number rather than list the three known ones.
  const std::string prefix = "KEM_";
  const std::string suffix = "_KEYS";
  if (module_type.size() <= prefix.size() + suffix.size() ||
      module_type.compare(0, prefix.size(), prefix) != 0 ||
      module_type.compare(module_type.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return 0;
  }
  std::string digits = module_type.substr(prefix.size(), module_type.size() - prefix.size() - suffix.size());
  if (digits.empty() || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return 0;
  }
  return std::stoi(digits);
}

LayoutKeyReader::LayoutKeyReader(const ManifestDocument& doc, DecodeContext& ctx, const DeviceModel* model)
    : m_doc(doc), m_ctx(ctx), m_model(model) {}

void LayoutKeyReader::error_at_value(const std::string& pointer, std::string message) {
  m_ctx.error(m_doc.at(pointer), field_path(pointer), std::move(message));
}

void LayoutKeyReader::error_at_key(const std::string& pointer, std::string message) {
  m_ctx.error(m_doc.locations.key_location(pointer), field_path(pointer), std::move(message));
}

LayoutKeyReader::RawKey LayoutKeyReader::read_key(const nlohmann::json& item, const std::string& pointer,
                                                  const FieldNames& names) {
  RawKey key;
  key.pointer = pointer;
  key.index = integer_member(item, names.index);
  key.type = optional_string(item, names.type);
  key.label = optional_string(item, names.label);
  key.value = optional_string(item, names.value);
  key.shared_line_index = integer_member(item, "sharedLineIndex");
  key.has_shared_line_index = item.contains("sharedLineIndex");
  return key;
}

// The rules that follow from the key's type alone.
void LayoutKeyReader::check_key_type(const RawKey& key, const nlohmann::json& item, const FieldNames& names) {
  const std::string value_pointer = pointer_append(key.pointer, names.value);
  const nlohmann::json* value = member_of(item, names.value);
  if (value != nullptr && value->is_number()) {
    // YAML reads 5000 as a number and would drop leading zeros or a '+'; say how to write it.
    error_at_value(value_pointer, "write the number in quotes (\"" + value->dump() +
                                      "\"): YAML reads it as a number, which can lose a leading '+' or 0");
  }
  if (!key.type) {
    return;  // missing or not a string: the schema says so
  }
  const std::string type_pointer = pointer_append(key.pointer, names.type);
  if (*key.type == kSpeedDial) {
    if (key.value) {
      if (!is_speed_dial_value(*key.value)) {
        error_at_value(value_pointer, "\"" + *key.value + "\" is not a speed dial target; expected " +
                                          std::string(kSpeedDialFormats));
      }
    } else if (value == nullptr) {
      error_at_value(type_pointer, std::string("a SPEED_DIAL key needs ") + names.value + ": " +
                                       std::string(kSpeedDialFormats));
    }
  } else {
    for (const char* field : {names.label, names.value}) {
      if (item.contains(field)) {
        error_at_key(pointer_append(key.pointer, field),
                     std::string(field) + " applies only to SPEED_DIAL keys; this key is " + *key.type);
      }
    }
  }
  if (*key.type == kSharedLine) {
    m_shared_keys.push_back(key);
  } else if (key.has_shared_line_index) {
    error_at_key(pointer_append(key.pointer, "sharedLineIndex"),
                 "sharedLineIndex applies only to SHARED_LINE keys; this key is " + *key.type);
  }
}

std::vector<LineKey> LayoutKeyReader::line_keys(const std::string& pointer) {
  static const FieldNames names{"lineKeyIndex", "lineKeyType", "lineKeyLabel", "lineKeyValue"};
  std::vector<LineKey> out;
  const nlohmann::json* array = schema::resolve_pointer(m_doc.body, pointer);
  if (array == nullptr || !array->is_array()) {
    return out;
  }
  const int buttons = m_model != nullptr ? m_model->number_of_line_key_buttons : 0;
  std::map<std::int64_t, std::string> first_by_index;
  bool every_index_known = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const nlohmann::json& item = (*array)[i];
    if (!item.is_object()) {
      every_index_known = false;
      continue;
    }
    RawKey key = read_key(item, pointer_append(pointer, std::to_string(i)), names);
    check_key_type(key, item, names);
    const std::string index_pointer = pointer_append(key.pointer, names.index);
    if (!key.index) {
      every_index_known = false;
    } else {
      if (m_model != nullptr && (*key.index < 1 || *key.index > buttons)) {
        error_at_value(index_pointer, "lineKeyIndex " + std::to_string(*key.index) + " is outside " +
                                          range_text(buttons) + ": model \"" + m_model->display_name +
                                          "\" has " + plural(buttons, "line key"));
      }
      auto [first, inserted] = first_by_index.emplace(*key.index, index_pointer);
      if (!inserted) {
        error_at_value(index_pointer, "lineKeyIndex " + std::to_string(*key.index) +
                                          " is used twice; first at " +
                                          location_text(m_doc.at(first->second)));
      } else if (*key.index == 1 && key.type && *key.type != kPrimaryLine) {
        error_at_value(pointer_append(key.pointer, names.type),
                       "key 1 is always PRIMARY_LINE (Webex does not let it change); got " + *key.type);
      }
    }
    LineKey decoded;
    decoded.index = key.index ? to_int(*key.index) : 0;
    decoded.type = key.type.value_or("");
    decoded.label = key.label;
    decoded.value = key.value;
    decoded.shared_line_index = to_int(key.shared_line_index);
    decoded.where = m_doc.at(key.pointer);
    out.push_back(std::move(decoded));
  }
  if (every_index_known && !first_by_index.count(1)) {
    error_at_key(pointer,
                 "lineKeyIndex 1 is missing; key 1 is always {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}");
  }
  return out;
}

std::vector<KemKey> LayoutKeyReader::kem_keys(const std::string& pointer, int module_count,
                                              int keys_per_module) {
  static const FieldNames names{"kemKeyIndex", "kemKeyType", "kemKeyLabel", "kemKeyValue"};
  std::vector<KemKey> out;
  const nlohmann::json* array = schema::resolve_pointer(m_doc.body, pointer);
  if (array == nullptr || !array->is_array()) {
    return out;
  }
  std::map<std::pair<std::int64_t, std::int64_t>, std::string> first_by_position;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const nlohmann::json& item = (*array)[i];
    if (!item.is_object()) {
      continue;
    }
    RawKey key = read_key(item, pointer_append(pointer, std::to_string(i)), names);
    check_key_type(key, item, names);
    std::optional<std::int64_t> module = integer_member(item, "kemModuleIndex");
    const std::string module_pointer = pointer_append(key.pointer, "kemModuleIndex");
    const std::string index_pointer = pointer_append(key.pointer, names.index);
    if (module && module_count > 0 && (*module < 1 || *module > module_count)) {
      error_at_value(module_pointer, "kemModuleIndex " + std::to_string(*module) + " is outside " +
                                         range_text(module_count) + ": model \"" + m_model->display_name +
                                         "\" takes " + plural(module_count, "key expansion module"));
    }
    if (key.index && keys_per_module > 0 && (*key.index < 1 || *key.index > keys_per_module)) {
      error_at_value(index_pointer, "kemKeyIndex " + std::to_string(*key.index) + " is outside " +
                                        range_text(keys_per_module) + ": a KEM_" +
                                        std::to_string(keys_per_module) + "_KEYS module has " +
                                        plural(keys_per_module, "key"));
    }
    if (module && key.index) {
      auto [first, inserted] = first_by_position.emplace(std::make_pair(*module, *key.index), index_pointer);
      if (!inserted) {
        error_at_value(index_pointer, "KEM key " + std::to_string(*key.index) + " of module " +
                                          std::to_string(*module) + " is used twice; first at " +
                                          location_text(m_doc.at(first->second)));
      }
    }
    KemKey decoded;
    decoded.module_index = module ? to_int(*module) : 0;
    decoded.key_index = key.index ? to_int(*key.index) : 0;
    decoded.type = key.type.value_or("");
    decoded.label = key.label;
    decoded.value = key.value;
    decoded.shared_line_index = to_int(key.shared_line_index);
    decoded.where = m_doc.at(key.pointer);
    out.push_back(std::move(decoded));
  }
  return out;
}

void LayoutKeyReader::check_shared_line_indexes() {
  const RawKey* with = nullptr;
  bool any_without = false;
  for (const RawKey& key : m_shared_keys) {
    if (!key.has_shared_line_index) {
      any_without = true;
    } else if (with == nullptr) {
      with = &key;
    }
  }
  if (with == nullptr || !any_without) {
    return;
  }
  // Webex numbers the keys without one in request order, which would collide with those given.
  const std::string example = location_text(m_doc.at(pointer_append(with->pointer, "sharedLineIndex")));
  for (const RawKey& key : m_shared_keys) {
    if (!key.has_shared_line_index) {
      error_at_key(key.pointer, "this SHARED_LINE key has no sharedLineIndex but another has one (at " +
                                    example + "); give it on every SHARED_LINE key of the layout or on none");
    }
  }
}

}  // namespace wx::manifest
