#include "emulator/layout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

namespace wx::emulator {

namespace {

constexpr std::array<std::string_view, 8> kKeyTypes = {
    "PRIMARY_LINE", "SHARED_LINE", "MONITOR", "CALL_PARK_EXTENSION",
    "SPEED_DIAL",   "OPEN",        "CLOSED",  "MODE_MANAGEMENT"};

bool known_type(const std::string& type) {
  return std::find(kKeyTypes.begin(), kKeyTypes.end(), type) != kKeyTypes.end();
}

// A positive whole JSON number (the spec declares these as `number`).
std::optional<int> index_of(const nlohmann::json& item, const char* field) {
  auto it = item.find(field);
  if (it == item.end() || !it->is_number()) return std::nullopt;
  double v = it->get<double>();
  if (v < 1 || v > 10'000 || v != static_cast<double>(static_cast<int>(v))) return std::nullopt;
  return static_cast<int>(v);
}

// §6.7: a phone number, an extension, or a SIP URI user@host of [A-Za-z0-9-_ .+].
bool valid_speed_dial(const std::string& value) {
  if (value.empty() || value.size() > 128) return false;
  auto allowed = [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == ' ' || c == '.' || c == '+';
  };
  auto at = value.find('@');
  if (at == std::string::npos) return std::all_of(value.begin(), value.end(), allowed);
  if (at == 0 || at + 1 == value.size() || value.find('@', at + 1) != std::string::npos) return false;
  return std::all_of(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(at), allowed) &&
         std::all_of(value.begin() + static_cast<std::ptrdiff_t>(at) + 1, value.end(), allowed);
}

// Checks one key (line or KEM: `prefix` is "lineKey" or "kemKey") and copies its known fields.
std::optional<std::string> check_key(const nlohmann::json& item, const std::string& prefix,
                                     nlohmann::json& out) {
  const std::string type_field = prefix + "Type";
  auto type = item.find(type_field);
  if (type == item.end() || !type->is_string() || !known_type(type->get<std::string>())) {
    return type_field +
           " must be one of PRIMARY_LINE, SHARED_LINE, MONITOR, CALL_PARK_EXTENSION, SPEED_DIAL, "
           "OPEN, CLOSED, MODE_MANAGEMENT.";
  }
  out[type_field] = *type;
  for (const auto& suffix : {"Label", "Value"}) {
    const std::string field = prefix + suffix;
    if (auto it = item.find(field); it != item.end() && !it->is_null()) {
      if (!it->is_string()) return field + " must be a string.";
      out[field] = *it;
    }
  }
  if (*type == "SPEED_DIAL") {
    auto value = out.value(prefix + "Value", std::string());
    if (!valid_speed_dial(value)) {
      return "A SPEED_DIAL key needs " + prefix +
             "Value: a phone number, an extension or a SIP URI (user@host) of [A-Za-z0-9-_ .+].";
    }
  }
  if (auto it = item.find("sharedLineIndex"); it != item.end() && !it->is_null()) {
    auto shared = index_of(item, "sharedLineIndex");
    if (!shared) return "sharedLineIndex must be a positive integer.";
    if (*type != "SHARED_LINE") return "sharedLineIndex applies only to SHARED_LINE keys.";
    out["sharedLineIndex"] = *shared;
  }
  return std::nullopt;
}

// §6.7: "If you send it for one SHARED_LINE key, send it for all of them."
std::optional<std::string> check_shared_indexes(const nlohmann::json& keys, const std::string& type_field) {
  int with = 0;
  int without = 0;
  for (const auto& k : keys) {
    if (k[type_field] != "SHARED_LINE") continue;
    (k.contains("sharedLineIndex") ? with : without)++;
  }
  if (with > 0 && without > 0)
    return std::string("sharedLineIndex must be given for all SHARED_LINE keys or none.");
  return std::nullopt;
}

std::optional<std::string> check_kem(const nlohmann::json& body, const DeviceModel& model, Layout& out) {
  auto type_it = body.find("kemModuleType");
  auto keys_it = body.find("kemKeys");
  const bool has_type = type_it != body.end() && !type_it->is_null();
  const bool has_keys = keys_it != body.end() && !keys_it->is_null();
  if (!has_type && !has_keys) return std::nullopt;
  if (!model.kem_support) return model.model + " does not support key expansion modules.";
  if (!has_type || !type_it->is_string()) return std::string("kemModuleType is required with kemKeys.");
  const auto type = type_it->get<std::string>();
  const int per_module = kem_keys_per_module(type);
  if (per_module == 0) return "kemModuleType must be KEM_14_KEYS, KEM_18_KEYS or KEM_20_KEYS.";
  if (std::find(model.kem_module_types.begin(), model.kem_module_types.end(), type) ==
      model.kem_module_types.end()) {
    return model.model + " does not support kemModuleType " + type + ".";
  }
  out.kem_module_type = type;
  if (!has_keys) return std::nullopt;
  if (!keys_it->is_array()) return std::string("kemKeys must be an array.");
  std::map<std::pair<int, int>, nlohmann::json> sent;
  int highest_module = 0;
  for (const auto& item : *keys_it) {
    if (!item.is_object()) return std::string("kemKeys items must be objects.");
    auto module = index_of(item, "kemModuleIndex");
    if (!module || *module > model.kem_module_count) {
      return "kemModuleIndex must be between 1 and " + std::to_string(model.kem_module_count) + " for " +
             model.model + ".";
    }
    auto key = index_of(item, "kemKeyIndex");
    if (!key || *key > per_module) {
      return "kemKeyIndex must be between 1 and " + std::to_string(per_module) + " for " + type + ".";
    }
    nlohmann::json normalized = {{"kemModuleIndex", *module}, {"kemKeyIndex", *key}};
    if (auto error = check_key(item, "kemKey", normalized)) return error;
    if (!sent.emplace(std::make_pair(*module, *key), normalized).second) {
      return "Duplicate KEM key " + std::to_string(*module) + "/" + std::to_string(*key) + ".";
    }
    highest_module = std::max(highest_module, *module);
  }
  auto expanded = nlohmann::json::array();
  for (int m = 1; m <= highest_module; ++m) {
    for (int k = 1; k <= per_module; ++k) {
      auto it = sent.find({m, k});
      expanded.push_back(
          it != sent.end()
              ? it->second
              : nlohmann::json{{"kemModuleIndex", m}, {"kemKeyIndex", k}, {"kemKeyType", "OPEN"}});
    }
  }
  if (auto error = check_shared_indexes(expanded, "kemKeyType")) return error;
  out.kem_keys = std::move(expanded);
  return std::nullopt;
}

}  // namespace

int kem_keys_per_module(const std::string& kem_module_type) {
  if (kem_module_type == "KEM_14_KEYS") return 14;
  if (kem_module_type == "KEM_18_KEYS") return 18;
  if (kem_module_type == "KEM_20_KEYS") return 20;
  return 0;
}

std::optional<std::string> check_line_keys(const nlohmann::json& keys, const DeviceModel& model,
                                           nlohmann::json& out) {
  if (!keys.is_array()) return std::string("lineKeys must be an array.");
  const int buttons = model.number_of_line_key_buttons;
  std::set<int> seen;
  auto normalized = nlohmann::json::array();
  for (const auto& item : keys) {
    if (!item.is_object()) return std::string("lineKeys items must be objects.");
    auto index = index_of(item, "lineKeyIndex");
    if (!index || *index > buttons) {
      return "lineKeyIndex must be between 1 and " + std::to_string(buttons) + " for " + model.model + ".";
    }
    if (!seen.insert(*index).second) return "Duplicate lineKeyIndex " + std::to_string(*index) + ".";
    nlohmann::json key = {{"lineKeyIndex", *index}};
    if (auto error = check_key(item, "lineKey", key)) return error;
    if (*index == 1 && key["lineKeyType"] != "PRIMARY_LINE") {
      return std::string("Line key 1 must be PRIMARY_LINE; it cannot be changed.");
    }
    normalized.push_back(std::move(key));
  }
  if (!seen.count(1)) return std::string("Line key 1 must be PRIMARY_LINE; it cannot be changed.");
  if (auto error = check_shared_indexes(normalized, "lineKeyType")) return error;
  std::sort(normalized.begin(), normalized.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["lineKeyIndex"].get<int>() < b["lineKeyIndex"].get<int>();
  });
  out = std::move(normalized);
  return std::nullopt;
}

std::optional<std::string> parse_layout(const nlohmann::json& body, const DeviceModel& model, Layout& out) {
  if (!body.is_object()) return std::string("The layout must be a JSON object.");
  if (!model.allow_configure_layout) return model.model + " does not allow configuring its layout.";
  Layout layout;
  auto mode = body.find("layoutMode");
  if (mode == body.end() || !mode->is_string() || (*mode != "DEFAULT" && *mode != "CUSTOM")) {
    return std::string("layoutMode is required: DEFAULT or CUSTOM.");
  }
  layout.mode = mode->get<std::string>();
  if (auto it = body.find("userReorderEnabled"); it != body.end() && !it->is_null()) {
    if (!it->is_boolean()) return std::string("userReorderEnabled must be a boolean.");
    layout.user_reorder_enabled = it->get<bool>();
  }
  auto keys = body.find("lineKeys");
  const bool has_keys = keys != body.end() && !keys->is_null();
  if (layout.mode == "CUSTOM" && !has_keys) return std::string("lineKeys is required for a CUSTOM layout.");
  if (has_keys) {
    if (auto error = check_line_keys(*keys, model, layout.line_keys)) return error;
  }
  if (auto error = check_kem(body, model, layout)) return error;
  if (layout.mode == "DEFAULT") {  // a DEFAULT layout keeps no keys (§6.7: none read back)
    layout.line_keys = nlohmann::json::array();
    layout.kem_module_type.clear();
    layout.kem_keys = nlohmann::json::array();
  }
  out = std::move(layout);
  return std::nullopt;
}

nlohmann::json layout_json(const Layout& layout) {
  nlohmann::json j = {{"layoutMode", layout.mode}};
  if (layout.user_reorder_enabled) j["userReorderEnabled"] = *layout.user_reorder_enabled;
  if (layout.mode == "DEFAULT") return j;
  j["userReorderEnabled"] = layout.user_reorder_enabled.value_or(false);
  j["lineKeys"] = layout.line_keys;
  if (!layout.kem_module_type.empty()) {
    j["kemModuleType"] = layout.kem_module_type;
    j["kemKeys"] = layout.kem_keys;
  }
  return j;
}

}  // namespace wx::emulator
