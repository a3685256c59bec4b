#include "wxphones/plan/scope_settings_planner.h"
#include "wxphones/util/count_text.h"

#include <algorithm>
#include <map>
#include <set>

#include "wxphones/model/customizations.h"
#include "wxphones/plan/normalize.h"
#include "wxphones/plan/owner_resolution.h"
#include "wxphones/plan/settings_values.h"
#include "wxphones/util/field_path.h"

namespace wx {

namespace {

std::string scope_label(const SettingsScope& scope) {
  switch (scope.kind) {
    case SettingsScope::Kind::Organization:
      return "organization";
    case SettingsScope::Kind::Location:
      return "location " + scope.name;
    case SettingsScope::Kind::Workspace:
      return "workspace " + scope.name;
    case SettingsScope::Kind::Person:
      return "person " + scope.name;
  }
  return "";
}

class ScopePlanner {
 public:
  ScopePlanner(const DesiredState& desired, const LiveState& live, Plan& plan,
               std::vector<HotelingDeclaration>& hoteling)
      : m_desired(desired), m_live(live), m_plan(plan), m_hoteling(hoteling) {
    for (const auto& phone : desired.phones) {
      if (!phone.mac) continue;
      m_managed_names[*phone.mac] = phone.name;
      if (phone.settings && phone.settings->custom_enabled.value_or(true)) m_declared_own.insert(*phone.mac);
    }
  }

  void run() {
    for (const auto& doc : m_desired.scope_settings) plan_document(doc);
    for (const auto& doc : m_desired.owner_devices) {
      auto owner = resolve_owner_ref(
          doc.owner, doc.owner.kind == OwnerRef::Kind::Person ? "spec.person" : "spec.workspace", m_live,
          m_plan.diagnostics);
      if (!owner) continue;
      m_hoteling.push_back(
          {target_of(doc.owner, *owner), doc.hoteling, {}, location_name(owner->location_id)});
    }
  }

 private:
  static OwnerTarget target_of(const OwnerRef& ref, const ResolvedOwner& owner) {
    return {ref.kind == OwnerRef::Kind::Person ? OwnerTarget::Kind::Person : OwnerTarget::Kind::Workspace,
            owner.id(), ref.name};
  }

  std::string location_name(const std::string& id) const {
    const auto* l = m_live.location_by_id(id);
    return l ? l->name : std::string();
  }

  static Step scope_step(const DesiredScopeSettings& doc, const std::string& suffix,
                         const std::string& call) {
    Step step;
    step.id = "settings." + doc.name + "." + suffix;
    step.action = Action::Update;
    step.kind = "DeviceSettings";
    step.target = doc.name;
    step.location = doc.scope.kind == SettingsScope::Kind::Organization ? "" : doc.scope.name;
    step.calls = {call};
    return step;
  }

  static std::string names_of(const std::vector<PhoneRef>& phones) {
    std::string names;
    for (const auto& p : phones) names += (names.empty() ? "" : ", ") + p.name;
    return names;
  }

  void error(const DesiredScopeSettings& doc, const std::string& field, const std::string& message) {
    m_plan.diagnostics.push_back({Severity::Error, doc.location_of(field), field, message});
  }

  void plan_document(const DesiredScopeSettings& doc) {
    const auto& scope = doc.scope;
    if (scope.kind == SettingsScope::Kind::Person || scope.kind == SettingsScope::Kind::Workspace) {
      plan_compression(doc);
      return;
    }
    std::string location_id;
    if (scope.kind == SettingsScope::Kind::Location) {
      const Location* location = m_live.location_by_name(scope.name);
      if (location == nullptr) {
        m_plan.diagnostics.push_back(
            {Severity::Error, scope.where, "spec.scope.location",
             "no location named \"" + scope.name +
                 "\" in the organisation; expected the name of an existing location"});
        return;
      }
      location_id = location->id;
    }
    std::string job_id = plan_customizations(doc, location_id);
    plan_dynamic(doc, location_id);
    if (!job_id.empty() && scope.kind == SettingsScope::Kind::Location &&
        m_desired.project.rebuild_after_location_settings) {
      Step step =
          rebuild_phones_step(scope.name, location_id, "Project.spec.rebuildPhones.afterLocationSettings");
      step.depends_on = {job_id};
      m_plan.steps.push_back(std::move(step));
    }
  }

  // Phones of the scope that carry their own customizations, so the scope job skips them.
  std::vector<PhoneRef> customized_phones(const std::string& location_id, bool organization) const {
    std::vector<PhoneRef> out;
    std::set<std::string> seen;
    auto add = [&](const LiveDevice& d) {
      if (!seen.insert(d.id).second) return;
      auto managed = m_managed_names.find(d.mac);
      std::string name = managed != m_managed_names.end() ? managed->second
                         : !d.display_name.empty()        ? d.display_name
                                                          : d.mac;
      out.push_back({name, d.id, d.mac, d.model});
    };
    auto devices = m_live.scope_devices.find(organization ? "" : location_id);
    if (devices == m_live.scope_devices.end()) return out;
    for (const auto& d : devices->second) {
      auto own = m_live.device_customizations.find(d.id);
      bool device_custom =
          own != m_live.device_customizations.end() && own->second.custom_enabled.value_or(false);
      // A managed phone that declares its own settings will have them after this apply.
      if (auto managed = m_declared_own.find(d.mac); managed != m_declared_own.end()) device_custom = true;
      bool location_custom = false;
      if (organization) {
        auto loc = m_live.location_customizations.find(d.location_id);
        location_custom =
            loc != m_live.location_customizations.end() && loc->second.custom_enabled.value_or(false);
      }
      if (device_custom || location_custom) add(d);
    }
    return out;
  }

  std::string plan_customizations(const DesiredScopeSettings& doc, const std::string& location_id) {
    const bool organization = doc.scope.kind == SettingsScope::Kind::Organization;
    const bool declared_keys = doc.customizations.is_object() && !doc.customizations.empty();
    if (!declared_keys && !doc.custom_enabled) return "";
    const ScopeCustomizations* live = nullptr;
    if (organization) {
      if (m_live.org_customizations) live = &*m_live.org_customizations;
    } else {
      auto it = m_live.location_customizations.find(location_id);
      if (it != m_live.location_customizations.end()) live = &it->second;
    }
    if (live == nullptr) return "";  // not read: the reader reported why
    DeviceSettingsJobRequest request;
    request.location_id = location_id;
    nlohmann::json before = nlohmann::json::object();
    nlohmann::json after = nlohmann::json::object();
    const bool want_custom = organization || doc.custom_enabled.value_or(true);
    if (!organization) {
      request.location_customizations_enabled = want_custom;
      if (live->custom_enabled.value_or(false) != want_custom) {
        before["customEnabled"] = live->custom_enabled.value_or(false);
        after["customEnabled"] = want_custom;
      }
    }
    if (want_custom && declared_keys) {
      const nlohmann::json differences = declared_differences(live->customizations, doc.customizations);
      for (const auto& [pointer, change] : differences.items()) {
        before[field_path(pointer)] = change["before"];
        after[field_path(pointer)] = change["after"];
      }
      // The job sets whole families: the live family with the declared keys laid over it.
      for (const auto& [family, values] : doc.customizations.items()) {
        const auto it = live->customizations.find(family);
        request.customizations[family] =
            overlay_json(it != live->customizations.end() ? *it : nlohmann::json::object(), values);
      }
    }
    if (after.empty()) return "";
    if (live->update_in_progress) {
      m_plan.notes.push_back({doc.name, "a device settings job is running on the " + scope_label(doc.scope) +
                                            "; this plan's job will queue behind it"});
    }
    Step step = scope_step(doc, "customizations", "POST /telephony/config/jobs/devices/callDeviceSettings");
    step.before = redact_secrets(std::move(before));
    step.after = redact_secrets(std::move(after));
    DeviceSettingsJob job{organization ? "organization" : doc.scope.name, request,
                          customized_phones(location_id, organization)};
    step.reason = "customizations of the " + scope_label(doc.scope) + " differ";
    if (!job.not_reached.empty()) {
      m_plan.notes.push_back({doc.name, count_text(job.not_reached.size(), "phone") +
                                            " keep their own customizations and will not get this change: " +
                                            names_of(job.not_reached)});
    }
    step.operation = std::move(job);
    m_plan.steps.push_back(std::move(step));
    return m_plan.steps.back().id;
  }

  const std::vector<DynamicSetting>* live_dynamic(const std::string& location_id,
                                                  const std::string& family) const {
    if (location_id.empty()) {
      auto it = m_live.org_dynamic.find(family);
      return it == m_live.org_dynamic.end() ? nullptr : &it->second;
    }
    auto it = m_live.location_dynamic.find({location_id, family});
    return it == m_live.location_dynamic.end() ? nullptr : &it->second;
  }

  void plan_dynamic(const DesiredScopeSettings& doc, const std::string& location_id) {
    if (doc.dynamic_settings.empty()) return;
    const bool organization = location_id.empty();
    const SettingLevel level = organization ? SettingLevel::Organization : SettingLevel::Location;
    DynamicSettingsJobRequest request;
    request.location_id = location_id;
    nlohmann::json before = nlohmann::json::object();
    nlohmann::json after = nlohmann::json::object();
    std::set<std::string> changed_tags;
    bool ok = true;
    for (const auto& [family, tags] : doc.dynamic_settings) {
      const DynamicSettingsSchema& schema =
          m_live.dynamic_schema.has_family(family) ? m_live.dynamic_schema : DynamicSettingsSchema::builtin();
      const auto* live = live_dynamic(location_id, family);
      for (const auto& [tag, value] : tags) {
        const std::string field =
            field_path("/spec/dynamicSettings/" + pointer_token(family) + "/" + pointer_token(tag));
        const DynamicSettingRule* rule = schema.find(family, tag);
        if (rule == nullptr) {
          error(doc, field,
                "\"" + tag + "\" is not a dynamic setting of family \"" + family +
                    "\" in this organisation (GET .../dynamicSettings/validationSchema)");
          ok = false;
          continue;
        }
        if (!rule->allowed_at(level)) {
          error(doc, field, "\"" + tag + "\" cannot be set at " + std::string(level_name(level)) + " level");
          ok = false;
          continue;
        }
        if (value) {
          if (auto problem = rule->check(*value)) {
            error(doc, field, "\"" + tag + "\": " + *problem);
            ok = false;
            continue;
          }
        }
        std::optional<std::string> current;
        if (live != nullptr) {
          for (const auto& s : *live) {
            if (s.tag == tag) current = s.value;
          }
        }
        if (current == value) continue;
        const bool secret = rule->type == "password";
        request.tags.push_back({family, tag, value, secret});
        changed_tags.insert(tag);
        before[family + " " + tag] =
            current ? nlohmann::json(secret ? kSecretText : *current) : nlohmann::json();
        after[family + " " + tag] =
            value ? nlohmann::json(secret ? kSecretText : *value) : nlohmann::json("(inherit)");
      }
    }
    if (!ok || request.tags.empty()) return;
    std::vector<PhoneRef> not_reached;
    auto devices = m_live.scope_devices.find(location_id);
    if (devices != m_live.scope_devices.end()) {
      for (const auto& d : devices->second) {
        auto own = m_live.device_dynamic.find(d.id);
        if (own == m_live.device_dynamic.end()) continue;
        const bool overrides = std::any_of(
            own->second.begin(), own->second.end(),
            [&](const DynamicSetting& s) { return s.value.has_value() && changed_tags.contains(s.tag); });
        if (!overrides) continue;
        auto managed = m_managed_names.find(d.mac);
        not_reached.push_back(
            {managed != m_managed_names.end() ? managed->second : d.display_name, d.id, d.mac, d.model});
      }
    }
    if (!not_reached.empty()) {
      m_plan.notes.push_back(
          {doc.name, count_text(not_reached.size(), "phone") +
                         " set these tags themselves and will keep their values: " + names_of(not_reached)});
    }
    Step step =
        scope_step(doc, "dynamic-settings", "POST /telephony/config/jobs/devices/dynamicDeviceSettings");
    step.before = {{"dynamicSettings", before}};
    step.after = {{"dynamicSettings", after}};
    step.reason = "dynamic settings of the " + scope_label(doc.scope) + " differ";
    step.operation = DynamicSettingsJob{organization ? "organization" : doc.scope.name, request, not_reached};
    m_plan.steps.push_back(std::move(step));
  }

  void plan_compression(const DesiredScopeSettings& doc) {
    if (!doc.compression) return;
    OwnerRef ref;
    ref.kind =
        doc.scope.kind == SettingsScope::Kind::Person ? OwnerRef::Kind::Person : OwnerRef::Kind::Workspace;
    ref.name = doc.scope.name;
    ref.where = doc.scope.where;
    auto owner = resolve_owner_ref(
        ref, ref.kind == OwnerRef::Kind::Person ? "spec.scope.person" : "spec.scope.workspace", m_live,
        m_plan.diagnostics);
    if (!owner) return;
    const auto& table =
        ref.kind == OwnerRef::Kind::Person ? m_live.person_device_settings : m_live.workspace_device_settings;
    auto it = table.find(owner->id());
    const std::string current = it != table.end() ? it->second.compression : "";
    if (current == *doc.compression) return;
    Step step;
    step.id = "settings." + doc.name + ".compression";
    step.action = Action::Update;
    step.kind = "DeviceSettings";
    step.target = doc.name;
    step.location = location_name(owner->location_id);
    step.before = {{"compression", current.empty() ? nlohmann::json() : nlohmann::json(current)}};
    step.after = {{"compression", *doc.compression}};
    step.calls = {ref.kind == OwnerRef::Kind::Person
                      ? "PUT /telephony/config/people/{personId}/devices/settings"
                      : "PUT /telephony/config/workspaces/{workspaceId}/devices/settings"};
    step.reason = "compression differs";
    step.operation = SetOwnerCompression{target_of(ref, *owner), *doc.compression};
    m_plan.steps.push_back(std::move(step));
  }

  const DesiredState& m_desired;
  const LiveState& m_live;
  Plan& m_plan;
  std::vector<HotelingDeclaration>& m_hoteling;
  std::map<std::string, std::string> m_managed_names;  // MAC -> manifest name
  std::set<std::string> m_declared_own;                // MACs of phones that declare their own customizations
};

}  // namespace

void plan_scope_settings(const DesiredState& desired, const LiveState& live, Plan& plan,
                         std::vector<HotelingDeclaration>& hoteling) {
  ScopePlanner(desired, live, plan, hoteling).run();
}

Step rebuild_phones_step(const std::string& location_name, const std::string& location_id,
                         const std::string& reason) {
  Step step;
  step.id = "location." + location_name + ".rebuild-phones";
  step.action = Action::Run;
  step.kind = "Location";
  step.target = location_name;
  step.location = location_name;
  step.calls = {"POST /telephony/config/jobs/devices/rebuildPhones"};
  step.reason = reason;
  step.operation = RebuildPhonesJob{location_name, location_id};
  return step;
}

void plan_owner_hoteling(const std::vector<HotelingDeclaration>& declarations, const LiveState& live,
                         Plan& plan) {
  for (const auto& d : declarations) {
    const auto& table =
        d.owner.kind == OwnerTarget::Kind::Person ? live.person_hoteling : live.workspace_hoteling;
    auto it = table.find(d.owner.id);
    const Hoteling current = it != table.end() ? it->second : Hoteling{};
    Hoteling wanted = current;
    if (d.hoteling.enabled) wanted.enabled = d.hoteling.enabled;
    if (d.hoteling.limit_guest_use) wanted.limit_guest_use = d.hoteling.limit_guest_use;
    if (d.hoteling.guest_hours_limit) wanted.guest_hours_limit = d.hoteling.guest_hours_limit;
    if (it != table.end() && wanted == current) continue;
    const bool person = d.owner.kind == OwnerTarget::Kind::Person;
    Step step;
    step.id = std::string(person ? "person." : "workspace.") + d.owner.name + ".hoteling";
    step.action = Action::Update;
    step.kind = person ? "PersonDevices" : "WorkspaceDevices";
    step.target = d.owner.name;
    step.location = d.location;
    step.before = it != table.end() ? nlohmann::json{{"hoteling", hoteling_json(current)}} : nlohmann::json();
    step.after = {{"hoteling", hoteling_json(wanted)}};
    step.calls = {person ? "PUT /telephony/config/people/{personId}/devices/settings/hoteling"
                         : "PUT /telephony/config/workspaces/{workspaceId}/devices"};
    step.depends_on = d.after;
    step.reason = it != table.end() ? "hoteling differs" : "hoteling of a new phone's owner";
    step.operation = SetOwnerHoteling{d.owner, wanted};
    plan.steps.push_back(std::move(step));
  }
}

}  // namespace wx
