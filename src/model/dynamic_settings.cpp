#include "wxphones/model/dynamic_settings.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <regex>

#include "wxphones/model/catalog_data.h"

namespace wx {

namespace {

// A finite number, or nullopt: the schema comes from the server, and "nan" or 1e999 bound nothing.
std::optional<double> number_of(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  std::optional<double> out;
  if (it->is_number()) out = it->get<double>();
  if (it->is_string()) {
    try {
      out = std::stod(it->get<std::string>());
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  if (out && !std::isfinite(*out)) return std::nullopt;
  return out;
}

// Longer patterns are not compiled: libstdc++ compiles a regex recursively, one frame per term, so a
// hostile 20,000-character pattern overflows the stack.
constexpr std::size_t kMaxPatternLength = 1000;

std::string string_of(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<SettingLevel> level_from(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  if (text == "organization") return SettingLevel::Organization;
  if (text == "location") return SettingLevel::Location;
  if (text == "device") return SettingLevel::Device;
  return std::nullopt;
}

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + ("\"" + v + "\"");
  return out;
}

std::string number_text(double v) {
  return v == std::floor(v) && std::fabs(v) < 1e15 ? std::to_string(static_cast<long long>(v))
                                                   : std::to_string(v);
}

// Whole decimal numbers only: dynamic setting values are strings such as "7".
std::optional<double> parse_number(const std::string& value, bool integer) {
  if (value.empty()) return std::nullopt;
  double out = 0;
  const char* end = value.data() + value.size();
  auto [ptr, ec] = std::from_chars(value.data(), end, out);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  if (integer && out != std::floor(out)) return std::nullopt;
  return out;
}

}  // namespace

std::string_view level_name(SettingLevel level) {
  switch (level) {
    case SettingLevel::Organization:
      return "organization";
    case SettingLevel::Location:
      return "location";
    case SettingLevel::Device:
      return "device";
  }
  return "";
}

bool DynamicSettingRule::allowed_at(SettingLevel level) const {
  return levels.empty() || std::find(levels.begin(), levels.end(), level) != levels.end();
}

std::optional<std::string> DynamicSettingRule::check(const std::string& value) const {
  if (value.empty() || value.size() > 256) return "expected a value of 1 to 256 characters";
  const std::string hint_text = hint.empty() ? "" : " (" + hint + ")";
  if (!values.empty() && (type == "boolean" || type == "enum")) {
    if (std::find(values.begin(), values.end(), value) == values.end()) {
      return "expected one of " + join(values) + hint_text + ", got \"" + value + "\"";
    }
    return std::nullopt;
  }
  if (type == "integer" || type == "int" || type == "number" || type == "float") {
    auto number = parse_number(value, type == "integer" || type == "int");
    if (!number)
      return "expected " + std::string(type == "float" || type == "number" ? "a number" : "a whole number") +
             hint_text + ", got \"" + value + "\"";
    if ((min && *number < *min) || (max && *number > *max)) {
      return "expected a number from " + (min ? number_text(*min) : std::string("-inf")) + " to " +
             (max ? number_text(*max) : std::string("inf")) + hint_text + ", got \"" + value + "\"";
    }
    return std::nullopt;
  }
  if (max_length && static_cast<int>(value.size()) > *max_length) {
    return "expected at most " + std::to_string(*max_length) + " characters" + hint_text;
  }
  if (regex && regex->size() <= kMaxPatternLength) {
    try {
      if (!std::regex_match(value, std::regex(*regex))) {
        return "expected a value matching " + *regex + hint_text + ", got \"" + value + "\"";
      }
    } catch (const std::regex_error&) {
      // A pattern std::regex cannot read: Webex checks it on write.
    }
  }
  return std::nullopt;
}

DynamicSettingsSchema DynamicSettingsSchema::from_json(const nlohmann::json& body) {
  DynamicSettingsSchema out;
  auto tags = body.find("tags");
  if (tags == body.end() || !tags->is_array()) return out;
  for (const auto& entry : *tags) {
    if (!entry.is_object()) continue;
    DynamicSettingRule rule;
    rule.family = string_of(entry, "familyOrModelDisplayName");
    rule.tag = string_of(entry, "tag");
    rule.friendly_name = string_of(entry, "friendlyName");
    if (rule.tag.empty()) continue;
    if (auto levels = entry.find("level"); levels != entry.end() && levels->is_array()) {
      for (const auto& l : *levels) {
        if (!l.is_string()) continue;
        if (auto level = level_from(l.get<std::string>())) rule.levels.push_back(*level);
      }
    }
    const auto rule_it = entry.find("validationRule");
    if (rule_it != entry.end() && rule_it->is_object()) {
      const auto& r = *rule_it;
      rule.type = string_of(r, "type");
      if (auto values = r.find("values"); values != r.end() && values->is_array()) {
        for (const auto& v : *values) {
          if (v.is_string()) rule.values.push_back(v.get<std::string>());
        }
      }
      rule.min = number_of(r, "min");
      rule.max = number_of(r, "max");
      rule.increment = number_of(r, "increment");
      if (auto regex = string_of(r, "regex"); !regex.empty()) rule.regex = regex;
      if (auto max_length = number_of(r, "maxLength");
          max_length && *max_length >= 0 && *max_length < INT_MAX)
        rule.max_length = static_cast<int>(*max_length);
      rule.hint = string_of(r, "validationHint");
    }
    out.m_rules.push_back(std::move(rule));
  }
  return out;
}

const DynamicSettingsSchema& DynamicSettingsSchema::builtin() {
  static const DynamicSettingsSchema schema =
      from_json(nlohmann::json::parse(embedded::dynamic_settings_schema_json));
  return schema;
}

const DynamicSettingRule* DynamicSettingsSchema::find(const std::string& family,
                                                      const std::string& tag) const {
  for (const auto& rule : m_rules) {
    if (rule.family == family && rule.tag == tag) return &rule;
  }
  return nullptr;
}

std::vector<std::string> DynamicSettingsSchema::tags_of(const std::string& family) const {
  std::vector<std::string> out;
  for (const auto& rule : m_rules) {
    if (rule.family == family) out.push_back(rule.tag);
  }
  return out;
}

bool DynamicSettingsSchema::has_family(const std::string& family) const {
  return std::any_of(m_rules.begin(), m_rules.end(), [&](const auto& r) { return r.family == family; });
}

}  // namespace wx
