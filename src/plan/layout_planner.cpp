#include "wxphones/plan/layout_planner.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "wxphones/plan/layout_compare.h"
#include "wxphones/plan/normalize.h"
#include "wxphones/plan/template_planner.h"

namespace wx {

namespace {

// The tags each managed phone will carry when the job runs: tag steps run before layout jobs.
// Phones absent here keep their live tags.
std::map<const LiveDevice*, std::vector<std::string>> tags_at_job_time(
    const std::vector<TemplateUser>& users) {
  std::map<const LiveDevice*, std::vector<std::string>> out;
  for (const auto& u : users) {
    if (u.twin && u.phone->tags) out.emplace(u.twin, normalize_tags(*u.phone->tags));
  }
  return out;
}

bool has_all(const std::vector<std::string>& tags, const std::vector<std::string>& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& t) {
    return std::find(tags.begin(), tags.end(), t) != tags.end();
  });
}

Step layout_step(const LayoutChange& change, const LiveState& live) {
  Step step;
  step.id = "phone." + change.ref.name + ".layout";
  step.action = change.twin ? Action::Update : Action::Create;
  step.kind = "Phone";
  step.target = change.ref.name;
  step.location = change.location;
  auto it = change.twin ? live.layouts.find(change.twin->id) : live.layouts.end();
  step.before =
      nlohmann::json{{"layout", it == live.layouts.end() ? nlohmann::json() : layout_to_json(it->second)}};
  step.after = nlohmann::json{{"layout", layout_to_json(change.layout)}};
  step.calls = {"PUT /telephony/config/devices/{deviceId}/layout"};
  step.reason = change.twin ? "layout differs" : "layout of the new phone";
  step.depends_on = change.depends_on;
  step.operation = SetPhoneLayout{change.ref, change.layout};
  // The layout of a new phone is part of creating it, not a separate change to count.
  if (!change.twin) step.action = Action::Update;
  return step;
}

}  // namespace

namespace {

// The filters of a job reaching `users` (their locations, the tags they all carry when the job
// runs), and whether what those filters select is exact: no phone outside `users`, every phone of
// `must_include`, and no PhoneOS phone that is not online (it cannot take a layout yet).
std::optional<ApplyTemplateJob> exact_job(
    const std::vector<TemplateUser>& users, const std::vector<const LiveDevice*>& must_include,
    const LiveState& live, const std::function<bool(const std::string& model)>& model_selected) {
  const auto declared_tags = tags_at_job_time(users);
  auto tags_of = [&](const LiveDevice& d) {
    auto it = declared_tags.find(&d);
    return it == declared_tags.end() ? normalize_tags(d.tags) : it->second;
  };
  std::set<const LiveDevice*> managed;
  std::set<std::string> location_ids;
  std::optional<std::vector<std::string>> common_tags;
  for (const auto& u : users) {
    if (!u.twin) continue;
    managed.insert(u.twin);
    location_ids.insert(u.twin->location_id);
    auto tags = tags_of(*u.twin);
    if (!common_tags) {
      common_tags = tags;
    } else {
      std::erase_if(*common_tags, [&](const std::string& t) { return !has_all(tags, {t}); });
    }
  }
  if (managed.empty()) return std::nullopt;
  ApplyTemplateJob job;
  job.request.location_ids.assign(location_ids.begin(), location_ids.end());
  job.request.include_device_tags = common_tags.value_or(std::vector<std::string>{});
  std::set<const LiveDevice*> selected;
  for (const auto& d : live.devices) {
    if (!location_ids.contains(d.location_id)) continue;
    const std::string model = canonical_model(live.catalog, d.model.empty() ? d.product : d.model);
    if (!model_selected(model)) continue;
    if (!has_all(tags_of(d), job.request.include_device_tags)) continue;
    selected.insert(&d);
  }
  for (const LiveDevice* d : selected) {
    if (!managed.contains(d)) return std::nullopt;
    const auto* m =
        live.catalog.find(canonical_model(live.catalog, d->model.empty() ? d->product : d->model));
    if (m && m->phone_os() && !d->online()) return std::nullopt;
  }
  for (const LiveDevice* d : must_include) {
    if (!selected.contains(d)) return std::nullopt;
  }
  for (const auto& u : users) {
    if (u.twin && selected.contains(u.twin)) {
      job.phones.push_back(
          PhoneRef{u.phone->name, u.twin->id, u.twin->mac, canonical_model(live.catalog, u.phone->model)});
    }
  }
  job.expected_count = static_cast<int>(selected.size());
  return job;
}

}  // namespace

std::optional<ApplyTemplateJob> exact_template_job(const DesiredTemplate& tmpl,
                                                   const LineKeyTemplate& live_template,
                                                   const std::vector<TemplateUser>& users,
                                                   const std::vector<const LiveDevice*>& must_include,
                                                   const LiveState& live) {
  const std::string model = canonical_model(live.catalog, tmpl.spec.device_model);
  auto job = exact_job(users, must_include, live, [&](const std::string& m) { return m == model; });
  if (!job) return std::nullopt;
  job->template_name = tmpl.name;
  job->request.action = "APPLY_TEMPLATE";
  job->request.template_id = live_template.id;
  return job;
}

std::optional<ApplyTemplateJob> exact_default_layouts_job(const std::vector<TemplateUser>& users,
                                                          const std::vector<const LiveDevice*>& must_include,
                                                          const LiveState& live) {
  // APPLY_DEFAULT_TEMPLATES reaches every phone model whose layout can be configured.
  auto job = exact_job(users, must_include, live, [&](const std::string& m) {
    const auto* model = live.catalog.find(m);
    return model && model->allow_configure_layout;
  });
  if (!job) return std::nullopt;
  job->template_name = kFactoryLayouts;
  job->request.action = "APPLY_DEFAULT_TEMPLATES";
  return job;
}

namespace {

// Phones returning to their factory layouts: one APPLY_DEFAULT_TEMPLATES job where exact.
void plan_factory_layouts_job(const LiveState& live, const PlanOptions& options,
                              const std::vector<LayoutChange>& changes,
                              const std::vector<TemplateUser>& users, std::set<const LayoutChange*>& bulk,
                              Plan& plan) {
  auto is_default = [](const DesiredPhone* p) {
    return p->layout && p->layout->inline_layout && p->layout->inline_layout->mode == LayoutMode::Default;
  };
  std::vector<const LayoutChange*> group;
  for (const auto& c : changes) {
    if (c.twin && is_default(c.phone)) group.push_back(&c);
  }
  if (static_cast<int>(group.size()) < options.bulk_min_phones ||
      options.no_bulk_templates.contains(kFactoryLayouts)) {
    return;
  }
  std::vector<TemplateUser> default_users;
  for (const auto& u : users) {
    if (is_default(u.phone)) default_users.push_back(u);
  }
  std::vector<const LiveDevice*> must_include;
  for (const auto* c : group) must_include.push_back(c->twin);
  auto job = exact_default_layouts_job(default_users, must_include, live);
  if (!job) return;
  Step step;
  step.id = "layouts.factory.apply";
  step.action = Action::Update;
  step.kind = "Phone";
  step.target = kFactoryLayouts;
  step.before = {{"layout", nullptr}};
  step.after = {{"layout", layout_to_json(Layout{})}, {"appliesTo", job->expected_count}};
  step.calls = {"POST /telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke",
                "POST /telephony/config/jobs/devices/applyLineKeyTemplate",
                "GET /telephony/config/jobs/devices/applyLineKeyTemplate/{jobId}"};
  step.reason = "one APPLY_DEFAULT_TEMPLATES job returns " + std::to_string(job->expected_count) +
                " phones to their factory layouts: its filters select exactly those phones";
  for (const auto* c : group) {
    bulk.insert(c);
    for (const auto& d : c->depends_on) {
      if (std::find(step.depends_on.begin(), step.depends_on.end(), d) == step.depends_on.end())
        step.depends_on.push_back(d);
    }
  }
  step.operation = std::move(*job);
  plan.steps.push_back(std::move(step));
}

}  // namespace

void plan_layouts(const DesiredState& desired, const LiveState& live, const PlanOptions& options,
                  const std::vector<LayoutChange>& changes, const std::vector<TemplateUser>& users,
                  Plan& plan) {
  // Changes of existing phones, grouped by the template they use.
  std::map<std::string, std::vector<const LayoutChange*>> by_template;
  for (const auto& c : changes) {
    if (c.twin && c.phone->layout && c.phone->layout->template_ref)
      by_template[*c.phone->layout->template_ref].push_back(&c);
  }
  std::set<const LayoutChange*> bulk;
  for (const auto& [name, group] : by_template) {
    if (static_cast<int>(group.size()) < options.bulk_min_phones || options.no_bulk_templates.contains(name))
      continue;
    const DesiredTemplate* tmpl = desired.template_named(name);
    const LineKeyTemplate* twin = tmpl ? live_template_for(*tmpl, live) : nullptr;
    // A template created or replaced by this plan has no id to preview against yet.
    if (!twin || canonical_model(live.catalog, twin->device_model) !=
                     canonical_model(live.catalog, tmpl->spec.device_model)) {
      continue;
    }
    std::vector<TemplateUser> template_users;
    for (const auto& u : users) {
      if (u.phone->layout && u.phone->layout->template_ref == name) template_users.push_back(u);
    }
    std::vector<const LiveDevice*> must_include;
    for (const auto* c : group) must_include.push_back(c->twin);
    auto job = exact_template_job(*tmpl, *twin, template_users, must_include, live);
    if (!job) continue;
    Step step;
    step.id = "template." + name + ".apply";
    step.action = Action::Update;
    step.kind = "LineKeyTemplate";
    step.target = name;
    step.after = {{"layout", layout_to_json(layout_of_template(tmpl->spec))},
                  {"appliesTo", job->expected_count}};
    step.before = {{"layout", nullptr}};
    step.calls = {"POST /telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke",
                  "POST /telephony/config/jobs/devices/applyLineKeyTemplate",
                  "GET /telephony/config/jobs/devices/applyLineKeyTemplate/{jobId}"};
    step.reason = "one job applies the template to " + std::to_string(job->expected_count) +
                  " phones: its filters select exactly the phones that use it";
    for (const auto& s : plan.steps) {
      if (s.id == "template." + name + ".update") step.depends_on.push_back(s.id);
    }
    for (const auto* c : group) {
      bulk.insert(c);
      for (const auto& d : c->depends_on) {
        if (std::find(step.depends_on.begin(), step.depends_on.end(), d) == step.depends_on.end()) {
          step.depends_on.push_back(d);
        }
      }
    }
    step.operation = std::move(*job);
    plan.steps.push_back(std::move(step));
  }
  plan_factory_layouts_job(live, options, changes, users, bulk, plan);
  for (const auto& c : changes) {
    if (!bulk.contains(&c)) plan.steps.push_back(layout_step(c, live));
  }
}

}  // namespace wx
