#include "wxphones/plan/template_planner.h"

#include <set>

#include "wxphones/plan/layout_compare.h"
#include "wxphones/plan/normalize.h"

namespace wx {

namespace {

nlohmann::json template_value(const LineKeyTemplate& t, const ModelCatalog& catalog) {
  nlohmann::json j = {{"templateName", t.template_name},
                      {"deviceModel", canonical_model(catalog, t.device_model)},
                      {"lineKeys", line_keys_to_json(t.line_keys)}};
  if (t.user_reorder_enabled) j["userReorderEnabled"] = *t.user_reorder_enabled;
  return j;
}

Step template_step(const std::string& id, Action action, const std::string& name, std::string reason) {
  Step step;
  step.id = id;
  step.action = action;
  step.kind = "LineKeyTemplate";
  step.target = name;
  step.reason = std::move(reason);
  return step;
}

}  // namespace

const LineKeyTemplate* live_template_for(const DesiredTemplate& desired, const LiveState& live) {
  for (const auto& t : live.templates) {
    if (t.template_name == desired.spec.template_name) return &t;
  }
  return nullptr;
}

void plan_templates(const DesiredState& desired, const LiveState& live, Plan& plan) {
  std::set<std::string> declared;
  for (const auto& d : desired.templates) {
    declared.insert(d.spec.template_name);
    const LineKeyTemplate* twin = live_template_for(d, live);
    LineKeyTemplate body = d.spec;
    body.device_model = canonical_model(live.catalog, d.spec.device_model);
    if (!twin || canonical_model(live.catalog, twin->device_model) != body.device_model) {
      Step step = template_step("template." + d.name + (twin ? ".replace" : ".create"),
                                twin ? Action::Replace : Action::Create, d.name,
                                twin ? "device model changed; a template's model cannot change" : "not found in Webex");
      if (twin) {
        step.before = template_value(*twin, live.catalog);
        step.calls.push_back("DELETE /telephony/config/devices/lineKeyTemplates/{templateId}");
      }
      step.after = template_value(body, live.catalog);
      step.calls.push_back("POST /telephony/config/devices/lineKeyTemplates");
      step.operation = CreateTemplate{d.name, body, twin ? twin->id : ""};
      plan.steps.push_back(std::move(step));
      continue;
    }
    if (template_content_matches(d.spec, *twin)) continue;
    Step step = template_step("template." + d.name + ".update", Action::Update, d.name, "line keys differ");
    step.before = template_value(*twin, live.catalog);
    step.after = template_value(body, live.catalog);
    step.calls = {"PUT /telephony/config/devices/lineKeyTemplates/{templateId}"};
    step.operation = UpdateTemplate{d.name, twin->id, body};
    plan.steps.push_back(std::move(step));
  }
  if (!desired.project.prune_templates) return;
  for (const auto& t : live.templates) {
    if (declared.contains(t.template_name)) continue;
    Step step = template_step("template." + t.template_name + ".delete", Action::Delete, t.template_name,
                              "absent from the manifests, used by no managed phone, and templates are pruned");
    step.before = template_value(t, live.catalog);
    step.calls = {"DELETE /telephony/config/devices/lineKeyTemplates/{templateId}"};
    step.operation = DeleteTemplate{t.template_name, t.id};
    plan.steps.push_back(std::move(step));
  }
}

}  // namespace wx
