#include "wxphones/plan/planner.h"
#include "wxphones/util/count_text.h"

#include <algorithm>
#include <map>

#include "wxphones/plan/apply_changes_planner.h"
#include "wxphones/plan/ignore_rules.h"
#include "wxphones/plan/layout_compare.h"
#include "wxphones/plan/layout_planner.h"
#include "wxphones/plan/normalize.h"
#include "wxphones/plan/phone_pairing.h"
#include "wxphones/plan/phone_settings_planner.h"
#include "wxphones/plan/phone_values.h"
#include "wxphones/plan/scope_settings_planner.h"
#include "wxphones/plan/step_order.h"
#include "wxphones/plan/template_planner.h"

namespace wx {

namespace {

std::string location_name(const LiveState& live, const std::string& location_id) {
  const auto* l = live.location_by_id(location_id);
  return l ? l->name : std::string();
}

PhoneRef ref_of(const DesiredPhone& phone, const LiveState& live, const LiveDevice* twin) {
  PhoneRef ref{phone.name, twin ? twin->id : "", phone.mac.value_or(twin ? twin->mac : ""),
               canonical_model(live.catalog, phone.model)};
  return ref;
}

// Checks that need live data; each points at the manifest line it is about.
bool check_against_org(const DesiredPhone& phone, const LiveState& live, const LiveDevice* twin,
                       Diagnostics& diagnostics) {
  bool ok = true;
  if (!live.catalog.find(phone.model)) {
    diagnostics.push_back(
        {Severity::Error, phone.location_of("spec.model"), "spec.model",
         "model \"" + phone.model +
             "\" is not offered by this organisation (GET /telephony/config/supportedDevices)"});
    ok = false;
  }
  if (!twin && phone.mac) {
    auto status = live.mac_status.find(*phone.mac);
    if (status != live.mac_status.end() && status->second.state != "AVAILABLE") {
      std::string why = status->second.message.empty() ? status->second.state : status->second.message;
      if (status->second.error_code) why += " (error " + std::to_string(*status->second.error_code) + ")";
      diagnostics.push_back(
          {Severity::Error, phone.location_of("spec.mac"), "spec.mac",
           "MAC " + *phone.mac + " cannot be added: " + why +
               "; expected a MAC that is free in Webex or already belongs to this phone's owner"});
      ok = false;
    }
  }
  return ok;
}

class PhonePlanner {
 public:
  PhonePlanner(const DesiredState& desired, const LiveState& live, const PlanOptions& options, Plan& plan)
      : m_desired(desired), m_live(live), m_options(options), m_plan(plan) {}

  void run() {
    std::map<std::string, ResolvedOwner> owners;
    for (const auto& phone : m_desired.phones) {
      if (auto owner = resolve_owner(phone, m_live, m_plan.diagnostics)) owners.emplace(phone.name, *owner);
    }
    PhonePairing pairing = pair_phones(m_desired.phones, m_live, owners);
    for (const auto& pair : pairing.pairs) {
      if (!check_against_org(*pair.desired, m_live, pair.live, m_plan.diagnostics)) continue;
      plan_phone(*pair.desired, pair.live, owners.at(pair.desired->name));
    }
    for (const LiveDevice* device : pairing.unpaired_live) plan_prune(*device);
    plan_layouts(m_desired, m_live, m_options, m_layout_changes, m_layout_users, m_plan);
    plan_scope_settings(m_desired, m_live, m_plan, m_hoteling);
    plan_owner_hoteling(merge_by_owner(m_hoteling), m_live, m_plan);
    plan_apply_changes(m_live, m_interrupted, m_plan);
    if (!m_waiting.empty()) add_wait_step();
  }

 private:
  void plan_phone(const DesiredPhone& phone, const LiveDevice* twin, const ResolvedOwner& owner) {
    const std::string location = location_name(m_live, owner.location_id);
    const nlohmann::json after = desired_phone_value(phone, m_live);
    PhoneRef ref = ref_of(phone, m_live, twin);

    std::string mismatch = twin ? replacement_reason(phone, *twin, owner) : "";
    if (twin && mismatch.empty() && m_options.reissue_activation_codes &&
        phone.onboarding == Onboarding::ActivationCode && twin->activating()) {
      mismatch =
          "still activating: a new activation code replaces the unused one (--reissue-activation-codes)";
    }
    if (!twin || !mismatch.empty()) {
      Step step;
      step.id = "phone." + phone.name + (twin ? ".replace" : ".create");
      step.action = twin ? Action::Replace : Action::Create;
      step.kind = "Phone";
      step.target = phone.name;
      step.location = location;
      step.before = twin ? live_phone_value(*twin, m_live) : nlohmann::json();
      step.after = after;
      step.reason = twin ? mismatch : "not found in Webex";
      if (twin) step.calls.push_back("DELETE /devices/{deviceId}");
      ref.device_id.clear();
      if (phone.onboarding == Onboarding::Mac) {
        step.calls.push_back("POST /devices");
        step.operation = CreatePhoneByMac{ref, owner.person_id, owner.workspace_id, twin ? twin->id : ""};
      } else {
        step.calls.push_back("POST /devices/activationCode");
        step.operation = IssueActivationCode{ref, owner.person_id, owner.workspace_id, twin ? twin->id : ""};
      }
      const std::string create_id = step.id;
      m_plan.steps.push_back(std::move(step));
      if (m_options.wait_for_new_phones) m_waiting.push_back(ref);
      std::vector<std::string> layout_deps{create_id};
      if (phone.tags && !normalize_tags(*phone.tags).empty()) {
        layout_deps.push_back(add_tags_step(phone, ref, location, nlohmann::json::array(), create_id,
                                            needs_online_for_tags(phone, nullptr)));
      }
      plan_layout(phone, nullptr, ref, location, layout_deps);
      plan_settings(phone, nullptr, ref, location, owner, {create_id});
      return;
    }

    if (!twin->online()) {
      m_plan.notes.push_back({phone.name, "not online yet (" + describe_status(*twin) + ")"});
    }
    std::vector<std::string> layout_deps;
    if (has_apply_pending_tag(twin->tags))
      m_interrupted.push_back({ref, location, tags_without_marker(twin->tags)});
    if (phone.tags && normalize_tags(*phone.tags) != tags_without_marker(twin->tags)) {
      layout_deps.push_back(add_tags_step(phone, ref, location,
                                          nlohmann::json(tags_without_marker(twin->tags)), "",
                                          needs_online_for_tags(phone, twin)));
    }
    plan_layout(phone, twin, ref, location, layout_deps);
    plan_settings(phone, twin, ref, location, owner, {});
  }

  // Lines, settings, dynamic settings, configurations; the owner's hoteling is collected for later.
  void plan_settings(const DesiredPhone& phone, const LiveDevice* twin, const PhoneRef& ref,
                     const std::string& location, const ResolvedOwner& owner,
                     std::vector<std::string> after) {
    const auto* model = m_live.catalog.find(phone.model);
    const bool after_online = model && model->phone_os() && (!twin || !twin->online());
    PhoneSettingsInput input{phone, twin, ref, location, owner, after, after_online ? kWaitStepId : ""};
    if (plan_phone_settings(input, m_live, m_plan) &&
        std::find(m_waiting.begin(), m_waiting.end(), ref) == m_waiting.end()) {
      m_waiting.push_back(ref);
    }
    if (phone.hoteling) {
      OwnerTarget target{phone.owner.kind == OwnerRef::Kind::Person ? OwnerTarget::Kind::Person
                                                                    : OwnerTarget::Kind::Workspace,
                         owner.id(), phone.owner.name};
      m_hoteling.push_back({target, *phone.hoteling, after, location});
    }
  }

  // Two phones of one owner may both declare hoteling (validation rejects conflicting values).
  static std::vector<HotelingDeclaration> merge_by_owner(const std::vector<HotelingDeclaration>& all) {
    std::vector<HotelingDeclaration> out;
    for (const auto& d : all) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& o) { return o.owner == d.owner; });
      if (it == out.end()) {
        out.push_back(d);
        continue;
      }
      it->after.insert(it->after.end(), d.after.begin(), d.after.end());
      if (d.hoteling.enabled) it->hoteling.enabled = d.hoteling.enabled;
      if (d.hoteling.limit_guest_use) it->hoteling.limit_guest_use = d.hoteling.limit_guest_use;
      if (d.hoteling.guest_hours_limit) it->hoteling.guest_hours_limit = d.hoteling.guest_hours_limit;
    }
    return out;
  }

  // The layout the manifests want on the phone; a change is collected for plan_layouts().
  void plan_layout(const DesiredPhone& phone, const LiveDevice* twin, const PhoneRef& ref,
                   const std::string& location, std::vector<std::string> depends_on) {
    if (!phone.layout) return;
    Layout wanted;
    if (phone.layout->template_ref) {
      const DesiredTemplate* tmpl = m_desired.template_named(*phone.layout->template_ref);
      if (!tmpl) return;  // reported by validation
      wanted = layout_of_template(tmpl->spec);
    } else if (phone.layout->inline_layout) {
      wanted = *phone.layout->inline_layout;
    }
    m_layout_users.push_back({&phone, twin});
    if (twin) {
      auto live_layout = m_live.layouts.find(twin->id);
      if (live_layout != m_live.layouts.end() && layout_matches(wanted, live_layout->second)) return;
    }
    // PhoneOS phones accept configuration only once they have been online (WEBEX_API.md §13).
    const auto* model = m_live.catalog.find(phone.model);
    const bool after_online = model && model->phone_os() && (!twin || !twin->online());
    if (after_online) {
      depends_on.push_back(kWaitStepId);
      if (twin && std::find(m_waiting.begin(), m_waiting.end(), ref) == m_waiting.end())
        m_waiting.push_back(ref);
    }
    m_layout_changes.push_back({&phone, twin, ref, wanted, location, depends_on, after_online});
  }

  // Webex cannot move a phone to another owner or change its model: that is delete + create.
  std::string replacement_reason(const DesiredPhone& phone, const LiveDevice& twin,
                                 const ResolvedOwner& owner) const {
    const bool same_owner = same_webex_id(twin.person_id, owner.person_id) ||
                            same_webex_id(twin.workspace_id, owner.workspace_id);
    if (!same_owner) return "owner changed; Webex cannot move a phone to another owner";
    const std::string want = canonical_model(m_live.catalog, phone.model);
    const std::string have = canonical_model(m_live.catalog, twin.model.empty() ? twin.product : twin.model);
    if (!have.empty() && have != want)
      return "model changed from " + have + "; Webex cannot change a phone's model";
    return "";
  }

  // Tags are written through /devices, which a phone not yet Webex-aware (or not yet activated) lacks.
  bool needs_online_for_tags(const DesiredPhone& phone, const LiveDevice* twin) const {
    const auto* model = m_live.catalog.find(phone.model);
    const bool phone_os = model && model->phone_os();
    if (!twin) return phone_os || phone.onboarding == Onboarding::ActivationCode;
    return !twin->webex_aware || twin->activating();
  }

  std::string add_tags_step(const DesiredPhone& phone, const PhoneRef& ref, const std::string& location,
                            nlohmann::json before, const std::string& create_id, bool after_online) {
    Step step;
    step.id = "phone." + phone.name + ".tags";
    step.action = Action::Update;
    step.kind = "Phone";
    step.target = phone.name;
    step.location = location;
    step.before = {{"tags", std::move(before)}};
    step.after = {{"tags", normalize_tags(*phone.tags)}};
    step.calls = {"PATCH /devices/{deviceId}"};
    step.reason = create_id.empty() ? "tags differ" : "tags of the new phone";
    if (!create_id.empty()) step.depends_on.push_back(create_id);
    if (after_online) {
      step.depends_on.push_back(kWaitStepId);
      if (create_id.empty()) m_waiting.push_back(ref);
    }
    step.operation = SetPhoneTags{ref, normalize_tags(*phone.tags)};
    m_plan.steps.push_back(std::move(step));
    return m_plan.steps.back().id;
  }

  void plan_prune(const LiveDevice& device) {
    const auto& scope = m_desired.project.prune_phones;
    if (!scope) return;
    const std::string location = location_name(m_live, device.location_id);
    if (!scope->locations.empty() &&
        std::find(scope->locations.begin(), scope->locations.end(), location) == scope->locations.end()) {
      return;
    }
    if (scope->tag && std::find(device.tags.begin(), device.tags.end(), *scope->tag) == device.tags.end())
      return;
    Step step;
    const std::string name = device.mac.empty() ? device.id : device.mac;
    step.id = "phone." + name + ".delete";
    step.action = Action::Delete;
    step.kind = "Phone";
    step.target = device.display_name.empty() || device.mac.empty()
                      ? name
                      : device.display_name + " (" + device.mac + ")";
    step.location = location;
    step.before = live_phone_value(device, m_live);
    step.calls = {"DELETE /devices/{deviceId}"};
    step.reason = "in the prune scope and absent from the manifests";
    step.operation = DeletePhone{PhoneRef{name, device.id, device.mac, device.model}};
    m_plan.steps.push_back(std::move(step));
  }

  void add_wait_step() {
    Step step;
    step.id = kWaitStepId;
    step.action = Action::Wait;
    step.kind = "Phone";
    step.target = count_text(m_waiting.size(), "phone");
    nlohmann::json names = nlohmann::json::array();
    for (const auto& ref : m_waiting) names.push_back(ref.name);
    step.after = {{"online", names}};
    step.calls = {"GET /devices"};
    step.reason = "phones are configured and reported only once they are online";
    // No dependency on the creates: the phase order runs it after them, and one failed create must
    // not hold back the phones that were created (the executor leaves that phone out of the wait).
    step.operation = WaitPhonesOnline{m_waiting};
    m_plan.steps.push_back(std::move(step));
  }

  static constexpr const char* kWaitStepId = "wait.phones-online";
  const DesiredState& m_desired;
  const LiveState& m_live;
  const PlanOptions& m_options;
  Plan& m_plan;
  std::vector<PhoneRef> m_waiting;
  std::vector<InterruptedPhone> m_interrupted;  // marked by an earlier, interrupted apply
  std::vector<LayoutChange> m_layout_changes;
  std::vector<TemplateUser> m_layout_users;
  std::vector<HotelingDeclaration> m_hoteling;
};

}  // namespace

Plan make_plan(const DesiredState& manifests, const LiveState& live, const PlanOptions& options) {
  // Ignored fields are not managed: gone before any comparison, so never drift and never written.
  std::optional<DesiredState> filtered;
  if (!manifests.project.ignore.empty()) filtered = apply_ignore_rules(manifests);
  const DesiredState& desired = filtered ? *filtered : manifests;
  Plan plan;
  plan_templates(desired, live, plan);
  PhonePlanner(desired, live, options, plan).run();
  order_steps(plan.steps);
  return plan;
}

}  // namespace wx
