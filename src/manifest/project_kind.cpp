// kind: Project — scope, prune policy (phones, templates), rebuilds and waits; at most one per repository.
#include "manifest/builtin_kinds.h"
#include "manifest/duration.h"
#include "manifest/json_access.h"

namespace wx::manifest {

namespace {

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
  registry.add(KindHandler{"Project", "project.schema.json", decode_project, nullptr});
}

}  // namespace wx::manifest
