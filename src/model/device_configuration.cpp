#include "wxphones/model/device_configuration.h"

#include <cmath>

namespace wx {

nlohmann::json configuration_patch_json(const std::vector<ConfigurationPatch>& patch) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : patch) {
    nlohmann::json op = {{"op", p.op == ConfigurationPatch::Op::Replace ? "replace" : "remove"},
                         {"path", p.key + "/sources/configured/value"}};
    if (p.op == ConfigurationPatch::Op::Replace) op["value"] = p.value;
    out.push_back(std::move(op));
  }
  return out;
}

namespace {

std::string type_of(const nlohmann::json& value) {
  if (value.is_boolean()) return "boolean";
  if (value.is_number_integer() || value.is_number_unsigned()) return "integer";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  if (value.is_array()) return "array";
  if (value.is_object()) return "object";
  return "null";
}

bool type_matches(const std::string& expected, const nlohmann::json& value) {
  const std::string actual = type_of(value);
  if (expected == actual) return true;
  if (expected == "number") return actual == "integer";
  if (expected == "integer" && value.is_number_float()) {
    return std::floor(value.get<double>()) == value.get<double>();
  }
  return false;
}

std::string number_text(double v) {
  return v == std::floor(v) && std::fabs(v) < 1e15 ? std::to_string(static_cast<long long>(v))
                                                   : nlohmann::json(v).dump();
}

}  // namespace

std::optional<std::string> check_value_space(const nlohmann::json& value_space, const nlohmann::json& value) {
  if (!value_space.is_object()) return std::nullopt;  // nothing to check against
  if (auto it = value_space.find("type"); it != value_space.end() && it->is_string()) {
    if (!type_matches(it->get<std::string>(), value)) {
      return "expected " + it->get<std::string>() + ", got " + type_of(value) + " " + value.dump();
    }
  }
  if (auto it = value_space.find("enum"); it != value_space.end() && it->is_array()) {
    bool found = false;
    for (const auto& allowed : *it) found = found || allowed == value;
    if (!found) return "expected one of " + it->dump() + ", got " + value.dump();
  }
  if (value.is_number()) {
    const double v = value.get<double>();
    auto bound = [&](const char* key) -> std::optional<double> {
      auto it = value_space.find(key);
      if (it == value_space.end() || !it->is_number()) return std::nullopt;
      return it->get<double>();
    };
    auto min = bound("minimum");
    auto max = bound("maximum");
    if ((min && v < *min) || (max && v > *max)) {
      return "expected a value from " + (min ? number_text(*min) : std::string("-inf")) + " to " +
             (max ? number_text(*max) : std::string("inf")) + ", got " + value.dump();
    }
  }
  if (value.is_string()) {
    const auto length = static_cast<long long>(value.get<std::string>().size());
    auto limit = [&](const char* key) -> std::optional<long long> {
      auto it = value_space.find(key);
      if (it == value_space.end() || !it->is_number_integer()) return std::nullopt;
      return it->get<long long>();
    };
    auto min = limit("minLength");
    auto max = limit("maxLength");
    if (min && length < *min) return "expected at least " + std::to_string(*min) + " characters";
    if (max && length > *max) return "expected at most " + std::to_string(*max) + " characters";
  }
  return std::nullopt;
}

}  // namespace wx
