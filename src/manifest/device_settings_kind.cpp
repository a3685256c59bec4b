// kind: DeviceSettings — the device settings of one scope: the organization, a location, a
// workspace or a person. The scope decides which parts may be written (WEBEX_API.md §6.6, §8).
#include <map>
#include <tuple>

#include "manifest/builtin_kinds.h"
#include "manifest/json_access.h"
#include "manifest/settings_checks.h"

namespace wx::manifest {

namespace {

using Kind = SettingsScope::Kind;

std::string scope_text(const SettingsScope& scope) {
  switch (scope.kind) {
    case Kind::Organization:
      return "the organization";
    case Kind::Location:
      return "location \"" + scope.name + "\"";
    case Kind::Workspace:
      return "workspace \"" + scope.name + "\"";
    case Kind::Person:
      return "person " + scope.name;
  }
  return "";
}

// Exactly one of organization: true, location, workspace or person. False when none can be read.
bool decode_scope(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& spec,
                  SettingsScope& out) {
  const nlohmann::json* scope = member_of(spec, "scope");
  if (scope == nullptr || !scope->is_object()) {
    return false;  // the schema reports it
  }
  static const std::vector<std::pair<const char*, Kind>> kKeys = {{"organization", Kind::Organization},
                                                                  {"location", Kind::Location},
                                                                  {"workspace", Kind::Workspace},
                                                                  {"person", Kind::Person}};
  std::vector<std::pair<const char*, Kind>> written;
  for (const auto& key : kKeys) {
    if (scope->contains(key.first)) written.push_back(key);
  }
  out.where = doc.locations.key_location("/spec/scope");
  if (written.size() != 1) {
    ctx.error(
        out.where, "spec.scope",
        std::string(written.empty() ? "needs a scope" : "has more than one scope") +
            ": exactly one of {organization: true}, {location: NAME}, {workspace: NAME} or {person: EMAIL}");
    return false;
  }
  const auto& [key, kind] = written.front();
  const std::string pointer = std::string("/spec/scope/") + key;
  const nlohmann::json& value = (*scope)[key];
  out.kind = kind;
  out.where = doc.at(pointer);
  if (kind == Kind::Organization) {
    if (!value.is_boolean() || !value.get<bool>()) {
      ctx.error(doc.at(pointer), field_path(pointer),
                "expected organization: true (the organization-wide settings)");
      return false;
    }
    return true;
  }
  if (!value.is_string()) {
    return false;  // the schema reports it
  }
  out.name = value.get<std::string>();
  return true;
}

// Reports a part the scope does not have, at its key.
bool allowed(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& spec, const char* key,
             const SettingsScope& scope, std::initializer_list<Kind> kinds, const char* where_allowed) {
  if (!spec.contains(key)) {
    return false;
  }
  for (Kind kind : kinds) {
    if (kind == scope.kind) return true;
  }
  const std::string pointer = std::string("/spec/") + key;
  ctx.error(
      doc.locations.key_location(pointer), field_path(pointer),
      std::string(key) + " can be set only at " + where_allowed + " scope, not for " + scope_text(scope));
  return false;
}

void decode_dynamic_families(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& families,
                             DesiredScopeSettings& out) {
  if (!families.is_object()) {
    return;
  }
  const SettingLevel level =
      out.scope.kind == Kind::Organization ? SettingLevel::Organization : SettingLevel::Location;
  for (const auto& [family, tags] : families.items()) {
    const std::string pointer = pointer_append("/spec/dynamicSettings", family);
    out.dynamic_settings[family] = decode_dynamic_tags(doc, ctx, tags, pointer, family, level);
  }
}

void decode_device_settings(const ManifestDocument& doc, DecodeContext& ctx) {
  DesiredScopeSettings out;
  out.name = doc.name;
  out.where = doc.kind_location();
  out.field_locations = doc.field_locations();
  const nlohmann::json* spec = member_of(doc.body, "spec");
  if (spec == nullptr || !spec->is_object() || !decode_scope(doc, ctx, *spec, out.scope)) {
    return;  // without a scope nothing else can be judged; the schema reports the shape
  }
  const SettingsScope& scope = out.scope;
  if (allowed(doc, ctx, *spec, "customizations", scope, {Kind::Organization, Kind::Location},
              "organization and location")) {
    const nlohmann::json& customizations = (*spec)["customizations"];
    if (customizations.is_object()) {
      check_customizations(doc, ctx, customizations, "/spec/customizations", kScopeCustomizations);
      out.customizations = customizations;
    }
  }
  if (allowed(doc, ctx, *spec, "customEnabled", scope, {Kind::Location}, "location")) {
    if (const nlohmann::json* enabled = member_of(*spec, "customEnabled"); enabled->is_boolean()) {
      out.custom_enabled = enabled->get<bool>();
    }
  }
  if (allowed(doc, ctx, *spec, "compression", scope, {Kind::Person, Kind::Workspace},
              "person and workspace")) {
    if (const std::string* compression = string_member(*spec, "compression")) {
      out.compression = *compression;
    }
  }
  if (allowed(doc, ctx, *spec, "dynamicSettings", scope, {Kind::Organization, Kind::Location},
              "organization and location")) {
    decode_dynamic_families(doc, ctx, (*spec)["dynamicSettings"], out);
  }
  ctx.desired.scope_settings.push_back(std::move(out));
}

// One DeviceSettings per scope: two would fight over the same values.
void check_scopes_together(DecodeContext& ctx) {
  std::map<std::tuple<Kind, std::string>, const DesiredScopeSettings*> seen;
  for (const DesiredScopeSettings& settings : ctx.desired.scope_settings) {
    std::string name = settings.scope.name;
    if (settings.scope.kind == Kind::Person) {
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto [it, inserted] = seen.emplace(std::make_tuple(settings.scope.kind, name), &settings);
    if (!inserted) {
      ctx.error(settings.scope.where, "spec.scope",
                "DeviceSettings \"" + it->second->name + "\" (at " + location_text(it->second->scope.where) +
                    ") already declares the settings of " + scope_text(settings.scope) +
                    "; one DeviceSettings per scope");
    }
  }
}

}  // namespace

void add_device_settings_kind(KindRegistry& registry) {
  registry.add(KindHandler{"DeviceSettings", "device-settings.schema.json", decode_device_settings,
                           check_scopes_together});
}

}  // namespace wx::manifest
