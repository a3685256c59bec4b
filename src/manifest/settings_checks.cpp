#include "manifest/settings_checks.h"

#include "manifest/json_access.h"
#include "manifest/schema_check.h"
#include "manifest/suggest.h"

namespace wx::manifest {

namespace {

// "%NAME%", 1 to 64 characters in all (WEBEX_API.md §8).
bool looks_like_tag(const std::string& tag) {
  return tag.size() >= 3 && tag.size() <= 64 && tag.front() == '%' && tag.back() == '%' &&
         tag.find('%', 1) == tag.size() - 1;
}

std::string levels_text(const DynamicSettingRule& rule) {
  std::string out;
  for (std::size_t i = 0; i < rule.levels.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == rule.levels.size() ? " and " : ", ")) +
           std::string(level_name(rule.levels[i]));
  }
  return out.empty() ? std::string("no level") : out;
}

std::string unknown_tag_message(const std::string& tag, const std::string& family,
                                const DynamicSettingsSchema& schema) {
  std::vector<std::string> known = schema.tags_of(family);
  std::string message = "unknown tag \"" + tag + "\" for family \"" + family + "\"";
  auto close = closest_names(tag, known, 3);
  if (!close.empty()) {
    return message + "; did you mean " + quoted_alternatives(close) + "?";
  }
  constexpr std::size_t kMaxListed = 12;
  if (known.size() > kMaxListed) {
    known.resize(kMaxListed);
    known.push_back("...");
  }
  std::string listed;
  for (const auto& name : known) listed += (listed.empty() ? "" : ", ") + name;
  return message + " (known tags: " + listed + ")";
}

// A scalar YAML did not read as a string: say how to write it.
std::string quote_hint(const nlohmann::json& value) {
  if (value.is_boolean()) {
    return "dynamic setting values are strings: write booleans as \"1\" or \"0\" (quoted), not " +
           value.dump();
  }
  if (value.is_number()) {
    return "dynamic setting values are strings: quote the number, \"" + value.dump() + "\"";
  }
  return std::string("dynamic setting values are strings (or null to clear the override), got ") +
         value.type_name();
}

}  // namespace

void check_customizations(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& value,
                          const std::string& pointer, const char* definition) {
  const schema::SchemaDocument* schema = embedded_schema(kCustomizationsSchema);
  if (schema == nullptr) {
    ctx.error(doc.at(pointer), field_path(pointer),
              std::string("internal error: schema ") + kCustomizationsSchema + " is not built in");
    return;
  }
  for (auto& d : check_schema_at(value, pointer, doc.locations, *schema, definition)) {
    ctx.diagnostics.push_back(std::move(d));
  }
}

std::map<std::string, std::optional<std::string>> decode_dynamic_tags(
    const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& tags, const std::string& pointer,
    const std::string& family, SettingLevel level) {
  std::map<std::string, std::optional<std::string>> out;
  if (!tags.is_object()) {
    return out;  // the schema reports it
  }
  const DynamicSettingsSchema& schema = DynamicSettingsSchema::builtin();
  const bool known_family = !family.empty() && schema.has_family(family);
  for (const auto& [tag, value] : tags.items()) {
    const std::string tag_pointer = pointer_append(pointer, tag);
    const std::string field = field_path(tag_pointer);
    if (!looks_like_tag(tag)) {
      ctx.error(
          doc.locations.key_location(tag_pointer), field,
          "\"" + tag + "\" is not a tag; expected %NAME% (up to 64 characters), e.g. %ENABLE_BLUETOOTH%");
      continue;
    }
    if (!value.is_null() && !value.is_string()) {
      ctx.error(doc.at(tag_pointer), field, quote_hint(value));
      continue;
    }
    std::optional<std::string> text;
    if (value.is_string()) {
      text = value.get<std::string>();
    }
    if (known_family) {
      const DynamicSettingRule* rule = schema.find(family, tag);
      if (rule == nullptr) {
        ctx.error(doc.locations.key_location(tag_pointer), field, unknown_tag_message(tag, family, schema));
        continue;
      }
      if (!rule->allowed_at(level)) {
        ctx.error(doc.locations.key_location(tag_pointer), field,
                  tag + " cannot be set at " + std::string(level_name(level)) + " level; family \"" + family +
                      "\" allows it at " + levels_text(*rule));
        continue;
      }
      if (text) {
        if (auto problem = rule->check(*text)) {
          ctx.error(doc.at(tag_pointer), field, *problem);
          continue;
        }
      }
    }
    out[tag] = text;
  }
  return out;
}

Hoteling decode_hoteling(const nlohmann::json& hoteling) {
  Hoteling out;
  if (const nlohmann::json* enabled = member_of(hoteling, "enabled"); enabled && enabled->is_boolean()) {
    out.enabled = enabled->get<bool>();
  }
  if (const nlohmann::json* limit = member_of(hoteling, "limitGuestUse"); limit && limit->is_boolean()) {
    out.limit_guest_use = limit->get<bool>();
  }
  if (const nlohmann::json* hours = member_of(hoteling, "guestHoursLimit");
      hours && hours->is_number_integer()) {
    out.guest_hours_limit = hours->get<int>();
  }
  return out;
}

}  // namespace wx::manifest
