// kind: Project — scope, prune policy (phones, templates), rebuilds and waits; at most one per repository.
#include <algorithm>
#include <map>
#include <optional>

#include "manifest/builtin_kinds.h"
#include "manifest/duration.h"
#include "manifest/json_access.h"
#include "wxphones/util/field_path.h"

namespace wx::manifest {

namespace {

// What each kind lets a rule name: a field, and how deep a path may go below it (-1: any depth,
// the planner then leaves the whole field unmanaged). Identity fields (model, MAC, owner, scope)
// cannot be ignored: they decide which object a manifest is.
struct IgnorableField {
  const char* name;
  int max_depth;
  std::vector<std::string> children;  // allowed first child names; empty: any
};

const std::vector<IgnorableField>* ignorable_fields(const std::string& kind) {
  static const std::vector<IgnorableField> hoteling = {
      {"hoteling", 1, {"enabled", "limitGuestUse", "guestHoursLimit"}}};
  static const std::map<std::string, std::vector<IgnorableField>> by_kind = {
      {"Phone",
       {{"tags", 0, {}},
        {"layout", -1, {}},
        {"members", -1, {}},
        {"hoteling", 1, {"enabled", "limitGuestUse", "guestHoursLimit"}},
        {"settings", -1, {"customizations"}},
        {"dynamicSettings", 1, {}},
        {"configurations", 1, {}}}},
      {"LineKeyTemplate", {{"userReorderEnabled", 0, {}}}},
      {"DeviceSettings", {{"customizations", -1, {}}, {"compression", 0, {}}, {"dynamicSettings", 2, {}}}},
      {"WorkspaceDevices", hoteling},
      {"PersonDevices", hoteling},
  };
  auto it = by_kind.find(kind);
  return it == by_kind.end() ? nullptr : &it->second;
}

std::string expected_fields(const std::vector<IgnorableField>& fields) {
  std::string out;
  for (const auto& f : fields) {
    out += (out.empty() ? "spec." : ", spec.") + std::string(f.name);
    if (!f.children.empty()) {
      std::string children;
      for (const auto& c : f.children) children += (children.empty() ? "" : "|") + c;
      out += "[." + children + "]";
    } else if (f.max_depth != 0) {
      out += "[...]";
    }
  }
  return out;
}

// Empty when `field` is one `kind` can ignore, else why not.
std::string check_ignored_field(const std::string& kind, const std::string& field) {
  const auto* fields = ignorable_fields(kind);
  if (fields == nullptr) return "";  // an unknown kind: the schema reports it
  const auto segments = split_field_path(field);
  const std::string expected = "; expected one of: " + expected_fields(*fields);
  if (!segments) {
    return "\"" + field + "\" is not a field path; write it like spec.tags or spec.configurations[\"Key\"]";
  }
  if ((*segments)[0] != "spec" || segments->size() < 2) {
    return "\"" + field + "\" is not a field a " + kind + " can ignore" + expected;
  }
  for (const auto& f : *fields) {
    if ((*segments)[1] != f.name) continue;
    const int depth = static_cast<int>(segments->size()) - 2;
    const bool child_ok = depth == 0 || f.children.empty() ||
                          std::find(f.children.begin(), f.children.end(), (*segments)[2]) != f.children.end();
    if (child_ok && (f.max_depth < 0 || depth <= f.max_depth)) return "";
    return "\"" + field + "\" is not a field a " + kind + " can ignore" + expected;
  }
  return "\"" + field + "\" is not a field a " + kind + " can ignore" + expected;
}

void decode_ignore(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& rules,
                   ProjectSpec& project) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const nlohmann::json& item = rules[i];
    const std::string* kind = string_member(item, "kind");
    const std::string* field = string_member(item, "field");
    if (kind == nullptr || field == nullptr || field->empty() || ignorable_fields(*kind) == nullptr) {
      continue;  // the schema reports these
    }
    const std::string base = "/spec/ignore/" + std::to_string(i);
    if (std::string why = check_ignored_field(*kind, *field); !why.empty()) {
      ctx.error(doc.at(base + "/field"), field_path(base + "/field"), why);
      continue;
    }
    IgnoreRule rule;
    rule.kind = *kind;
    rule.field = *field;
    rule.where = doc.locations.key_location(base + "/kind");
    rule.index = i;
    if (const std::string* name = string_member(item, "name"); name != nullptr && !name->empty()) {
      rule.name = *name;
      rule.where = doc.at(base + "/name");
    }
    project.ignore.push_back(std::move(rule));
  }
}

// A rule naming a manifest nobody declares is likely a typo; it does no harm, so only a warning.
void check_ignore_names(DecodeContext& ctx) {
  for (const auto& rule : ctx.desired.project.ignore) {
    if (!rule.name) continue;
    const std::string& name = *rule.name;
    auto named = [&name](const auto& all) {
      return std::any_of(all.begin(), all.end(), [&name](const auto& m) { return m.name == name; });
    };
    bool found = false;
    if (rule.kind == "Phone") found = named(ctx.desired.phones);
    if (rule.kind == "LineKeyTemplate") found = named(ctx.desired.templates);
    if (rule.kind == "DeviceSettings") found = named(ctx.desired.scope_settings);
    if (rule.kind == "WorkspaceDevices" || rule.kind == "PersonDevices") {
      const auto owner = rule.kind == "PersonDevices" ? OwnerRef::Kind::Person : OwnerRef::Kind::Workspace;
      const auto& all = ctx.desired.owner_devices;
      found = std::any_of(all.begin(), all.end(), [&](const DesiredOwnerDevices& d) {
        return d.owner.kind == owner && d.name == name;
      });
    }
    if (!found) {
      ctx.warning(
          rule.where, "spec.ignore[" + std::to_string(rule.index) + "].name",
          "no " + rule.kind + " manifest is named \"" + name + "\"; expected the metadata.name of one");
    }
  }
}

void decode_wait(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& waits,
                 const char* key, std::chrono::seconds& out) {
  const std::string* text = string_member(waits, key);
  if (text == nullptr) return;
  if (auto seconds = parse_duration(*text)) {
    out = *seconds;
    return;
  }
  std::string pointer = std::string("/spec/waits/") + key;
  ctx.error(doc.at(pointer), field_path(pointer),
            "\"" + *text + "\" is not a duration; expected e.g. 90s, 30m, 1h or 1h30m");
}

void decode_project(const ManifestDocument& doc, DecodeContext& ctx) {
  if (ctx.desired.has_project) {
    ctx.error(doc.kind_location(), "kind",
              "only one Project is allowed; \"" + ctx.desired.project.name + "\" was first declared at " +
                  location_text(ctx.desired.project.where));
    return;
  }
  ProjectSpec project;
  project.name = doc.name;
  project.where = doc.kind_location();
  const nlohmann::json* spec = member_of(doc.body, "spec");
  if (spec != nullptr && spec->is_object()) {
    if (const std::string* org = string_member(*spec, "orgId")) project.org_id = *org;
    const nlohmann::json* prune = member_of(*spec, "prune");
    if (const nlohmann::json* templates = prune != nullptr ? member_of(*prune, "templates") : nullptr;
        templates != nullptr && templates->is_boolean()) {
      project.prune_templates = templates->get<bool>();
    }
    const nlohmann::json* phones = prune != nullptr ? member_of(*prune, "phones") : nullptr;
    if (phones != nullptr && phones->is_object()) {
      PhonePruneScope scope;
      if (const nlohmann::json* locations = member_of(*phones, "locations");
          locations && locations->is_array()) {
        for (const auto& location : *locations) {
          if (location.is_string()) scope.locations.push_back(location.get<std::string>());
        }
      }
      if (const std::string* tag = string_member(*phones, "tag")) scope.tag = *tag;
      project.prune_phones = scope;
    }
    const nlohmann::json* rebuild = member_of(*spec, "rebuildPhones");
    if (const nlohmann::json* after =
            rebuild != nullptr ? member_of(*rebuild, "afterLocationSettings") : nullptr;
        after != nullptr && after->is_boolean()) {
      project.rebuild_after_location_settings = after->get<bool>();
    }
    if (const nlohmann::json* ignore = member_of(*spec, "ignore"); ignore != nullptr && ignore->is_array()) {
      decode_ignore(doc, ctx, *ignore, project);
    }
    if (const nlohmann::json* waits = member_of(*spec, "waits"); waits != nullptr && waits->is_object()) {
      decode_wait(doc, ctx, *waits, "deviceOnline", project.device_online_wait);
      decode_wait(doc, ctx, *waits, "jobs", project.job_wait);
    }
  }
  ctx.desired.project = std::move(project);
  ctx.desired.has_project = true;
}

}  // namespace

void add_project_kind(KindRegistry& registry) {
  registry.add(KindHandler{"Project", "project.schema.json", decode_project, check_ignore_names});
}

}  // namespace wx::manifest
