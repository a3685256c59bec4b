#include "manifest/template_rules.h"

#include <map>

#include "manifest/json_access.h"
#include "manifest/suggest.h"

namespace wx::manifest {

namespace {

const SourceLocation& template_name_location(const DesiredTemplate& t) {
  auto it = t.field_locations.find("spec.templateName");
  return it != t.field_locations.end() ? it->second : t.location_of("metadata.name");
}

void check_unique_template_names(DecodeContext& ctx) {
  std::map<std::string, const DesiredTemplate*> by_name;
  for (const DesiredTemplate& t : ctx.desired.templates) {
    if (t.spec.template_name.empty()) {
      continue;
    }
    auto [it, inserted] = by_name.emplace(t.spec.template_name, &t);
    // Equal metadata.name is reported by the loader already ("duplicate LineKeyTemplate name").
    if (!inserted && it->second->name != t.name) {
      const bool written = t.field_locations.count("spec.templateName") != 0;
      ctx.error(template_name_location(t), written ? "spec.templateName" : "metadata.name",
                "templateName \"" + t.spec.template_name + "\" is also the name of LineKeyTemplate \"" +
                    it->second->name + "\" (at " + location_text(template_name_location(*it->second)) +
                    "); Webex needs template names to be unique");
    }
  }
}

void check_template_reference(DecodeContext& ctx, const DesiredPhone& phone,
                              const std::map<std::string, const DesiredTemplate*>& templates) {
  const std::string& ref = *phone.layout->template_ref;
  const SourceLocation& where = phone.location_of("spec.layout.template");
  auto it = templates.find(ref);
  if (it == templates.end()) {
    std::vector<std::string> names;
    for (const auto& [name, t] : templates) {
      names.push_back(name);
    }
    std::string message = "no LineKeyTemplate named \"" + ref + "\"";
    auto close = closest_names(ref, names, 3);
    if (!close.empty()) {
      message += "; did you mean " + quoted_alternatives(close) + "?";
    } else if (names.empty()) {
      message += " (the manifests declare no LineKeyTemplate)";
    }
    ctx.error(where, "spec.layout.template", message);
    return;
  }
  const DesiredTemplate& t = *it->second;
  const DeviceModel* phone_model = ctx.catalog.find(phone.model);
  const DeviceModel* template_model = ctx.catalog.find(t.spec.device_model);
  if (phone_model == nullptr || template_model == nullptr) {
    return;  // an unknown model is reported where it is written
  }
  if (phone_model->model != template_model->model) {
    ctx.error(where, "spec.layout.template",
              "LineKeyTemplate \"" + ref + "\" is for model \"" + template_model->display_name + "\" (at " +
                  location_text(t.location_of("spec.deviceModel")) + ") but this phone is a \"" +
                  phone_model->display_name + "\"");
  }
}

}  // namespace

void check_templates_together(DecodeContext& ctx) {
  check_unique_template_names(ctx);
  std::map<std::string, const DesiredTemplate*> by_manifest_name;
  for (const DesiredTemplate& t : ctx.desired.templates) {
    if (!t.name.empty()) {
      by_manifest_name.emplace(t.name, &t);
    }
  }
  for (const DesiredPhone& phone : ctx.desired.phones) {
    if (phone.layout && phone.layout->template_ref) {
      check_template_reference(ctx, phone, by_manifest_name);
    }
  }
}

}  // namespace wx::manifest
