#include "wxphones/plan/phone_settings_planner.h"

#include <algorithm>
#include <map>
#include <set>

#include "wxphones/model/customizations.h"
#include "wxphones/plan/normalize.h"
#include "wxphones/plan/settings_values.h"
#include "wxphones/util/field_path.h"

namespace wx {

namespace {

std::string quoted_field(const std::string& parent_pointer, const std::string& key) {
  return field_path(parent_pointer + "/" + pointer_token(key));
}

bool is_secret(const DynamicSettingRule* rule) {
  return rule != nullptr && rule->type == "password";
}

class PhoneSettings {
 public:
  PhoneSettings(const PhoneSettingsInput& input, const LiveState& live, Plan& plan)
      : m_in(input), m_live(live), m_plan(plan), m_model(live.catalog.find(input.phone.model)) {}

  bool run() {
    plan_members();
    if (m_model == nullptr) return m_waits;
    plan_customizations();
    plan_dynamic_settings();
    plan_configurations();
    return m_waits;
  }

 private:
  Step base_step(const std::string& suffix, const std::string& reason, bool needs_online) {
    Step step;
    step.id = "phone." + m_in.phone.name + "." + suffix;
    step.action = Action::Update;
    step.kind = "Phone";
    step.target = m_in.phone.name;
    step.location = m_in.location;
    step.reason = reason;
    step.depends_on = m_in.after;
    if (needs_online && !m_in.wait_step_id.empty()) {
      step.depends_on.push_back(m_in.wait_step_id);
      m_waits = true;
    }
    return step;
  }

  void error(const std::string& field, const std::string& message) {
    m_plan.diagnostics.push_back({Severity::Error, m_in.phone.location_of(field), field, message});
  }

  // Values set on the phone that no manifest declares: left alone, and said so.
  void note_unmanaged(const std::string& what, const std::vector<std::string>& entries) {
    if (entries.empty()) return;
    std::string list;
    for (const auto& e : entries) list += (list.empty() ? "" : ", ") + e;
    m_plan.notes.push_back(
        {m_in.phone.name, "not managed, left as set on the phone (" + what + "): " + list});
  }

  // --- members ---------------------------------------------------------------------------------
  void plan_members() {
    if (!m_in.phone.members) return;
    const DeviceMembers* live_members = nullptr;
    if (m_in.twin != nullptr) {
      auto it = m_live.device_members.find(m_in.twin->id);
      if (it != m_live.device_members.end()) live_members = &it->second;
    }
    std::vector<DeviceMember> wanted;
    DeviceMember primary;
    primary.id = m_in.owner.id();
    primary.member_type = m_in.owner.person_id.empty() ? "PLACE" : "PEOPLE";
    primary.port = 1;
    primary.line_type = "PRIMARY";
    primary.primary_owner = true;
    primary.allow_call_decline_enabled = true;
    if (live_members != nullptr) {
      for (const auto& m : live_members->members) {
        if (m.primary_owner) primary = m;  // the owner's line stays as Webex has it
      }
    }
    wanted.push_back(primary);
    int next_port = primary.port + std::max(1, primary.line_weight);
    bool ok = true;
    const auto& specs = *m_in.phone.members;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const MemberSpec& spec = specs[i];
      const std::string field = "spec.members[" + std::to_string(i) + "]";
      OwnerRef ref = spec.member;
      if (ref.where.line == 0) ref.where = spec.where;
      auto resolved = resolve_owner_ref(ref, field, m_live, m_plan.diagnostics);
      if (!resolved) {
        ok = false;
        continue;
      }
      DeviceMember member;
      member.id = resolved->id();
      member.member_type = resolved->person_id.empty() ? "PLACE" : "PEOPLE";
      if (!check_available(member.id, spec.member.name, field, ref.where)) {
        ok = false;
        continue;
      }
      member.port = spec.port.value_or(next_port);
      next_port = std::max(next_port, member.port + 1);
      member.line_type = spec.line_type;
      member.line_label = spec.line_label;
      member.hotline_enabled = spec.hotline_enabled;
      member.hotline_destination = spec.hotline_destination;
      member.allow_call_decline_enabled = spec.allow_call_decline_enabled;
      if (live_members != nullptr) {
        for (const auto& m : live_members->members) {
          if (same_webex_id(m.id, member.id) && !m.primary_owner) {
            member.first_name = m.first_name;
            member.last_name = m.last_name;
            member.line_weight = m.line_weight;
            member.t38_fax_compression_enabled = m.t38_fax_compression_enabled;
          }
        }
      }
      if (member.first_name.empty()) member.first_name = display_name_of(spec.member);  // for display only
      wanted.push_back(std::move(member));
    }
    if (!ok) return;
    std::sort(wanted.begin(), wanted.end(), [](const auto& a, const auto& b) { return a.port < b.port; });
    if (live_members != nullptr && same_lines(live_members->members, wanted)) return;
    Step step = base_step("members", live_members ? "lines differ" : "lines of the new phone", false);
    step.before =
        live_members ? nlohmann::json{{"members", members_json(live_members->members)}} : nlohmann::json();
    step.after = {{"members", members_json(wanted)}};
    step.calls = {"PUT /telephony/config/devices/{deviceId}/members"};
    step.operation = SetPhoneMembers{m_in.ref, wanted};
    m_plan.steps.push_back(std::move(step));
  }

  // A member must be placeable on this phone: Webex's available-members search says so. For a phone
  // this plan creates there is nothing to search yet; the executor asks before the PUT.
  bool check_available(const std::string& member_id, const std::string& name, const std::string& field,
                       const SourceLocation& where) {
    if (m_in.twin == nullptr) return true;
    auto device = m_live.member_available.find(m_in.twin->id);
    if (device == m_live.member_available.end()) return true;
    for (const auto& [id, available] : device->second) {
      if (same_webex_id(id, member_id)) {
        if (available) return true;
        break;
      }
    }
    m_plan.diagnostics.push_back(
        {Severity::Error, where, field,
         "\"" + name + "\" cannot be placed on this phone: Webex does not offer them as a shared line " +
             "(GET .../devices/{deviceId}/availableMembers); expected a person or workspace with a calling " +
             "license in a location this phone can reach"});
    return false;
  }

  std::string display_name_of(const OwnerRef& ref) const {
    if (ref.kind == OwnerRef::Kind::Person) {
      auto it = m_live.people.find(lower(ref.name));
      if (it != m_live.people.end() && !it->second.display_name.empty()) return it->second.display_name;
    }
    return ref.name;
  }

  static bool same_lines(const std::vector<DeviceMember>& live, const std::vector<DeviceMember>& wanted) {
    if (live.size() != wanted.size()) return false;
    for (std::size_t i = 0; i < live.size(); ++i) {
      DeviceMember a = live[i];
      a.id = wanted[i].id;  // ids compare without base64 padding
      if (!same_webex_id(live[i].id, wanted[i].id) || !a.same_line(wanted[i])) return false;
    }
    return true;
  }

  // --- customizations --------------------------------------------------------------------------
  void plan_customizations() {
    const auto& settings = m_in.phone.settings;
    if (!settings) return;
    ScopeCustomizations declared;
    declared.custom_enabled = settings->custom_enabled.value_or(true);
    declared.customizations = settings->customizations;
    nlohmann::json before = nlohmann::json::object();
    nlohmann::json after = nlohmann::json::object();
    if (m_in.twin != nullptr) {
      auto it = m_live.device_customizations.find(m_in.twin->id);
      if (it != m_live.device_customizations.end()) {
        const auto& live = it->second;
        if (live.custom_enabled != declared.custom_enabled) {
          before["customEnabled"] =
              live.custom_enabled ? nlohmann::json(*live.custom_enabled) : nlohmann::json();
          after["customEnabled"] = *declared.custom_enabled;
        }
        if (*declared.custom_enabled) {
          const nlohmann::json differences =
              declared_differences(live.customizations, declared.customizations);
          for (const auto& [pointer, change] : differences.items()) {
            before[field_path(pointer)] = change["before"];
            after[field_path(pointer)] = change["after"];
          }
        }
        if (after.empty()) return;
      }
    }
    if (after.empty()) {  // a new phone, or settings not read: every declared key
      after["customEnabled"] = *declared.custom_enabled;
      const nlohmann::json declared_leaves = declared_differences(nlohmann::json(), declared.customizations);
      for (const auto& [pointer, change] : declared_leaves.items())
        after[field_path(pointer)] = change["after"];
      before = nlohmann::json();
    }
    Step step = base_step("settings", m_in.twin ? "customizations differ" : "customizations of the new phone",
                          m_model->phone_os());
    step.before = redact_secrets(std::move(before));
    step.after = redact_secrets(std::move(after));
    step.calls = {"GET /telephony/config/devices/{deviceId}/settings",
                  "PUT /telephony/config/devices/{deviceId}/settings"};
    step.operation = SetPhoneCustomizations{m_in.ref, declared};
    m_plan.steps.push_back(std::move(step));
  }

  // --- dynamic settings ------------------------------------------------------------------------
  void plan_dynamic_settings() {
    const auto& declared = m_in.phone.dynamic_settings;
    if (declared.empty()) return;
    const std::string family = m_model->family_display_name;
    const DynamicSettingsSchema& schema =
        m_live.dynamic_schema.has_family(family) ? m_live.dynamic_schema : DynamicSettingsSchema::builtin();
    std::map<std::string, const DynamicSetting*> live_values;
    bool have_live = false;
    if (m_in.twin != nullptr) {
      auto it = m_live.device_dynamic.find(m_in.twin->id);
      if (it != m_live.device_dynamic.end()) {
        have_live = true;
        for (const auto& s : it->second) live_values[s.tag] = &s;
      }
    }
    std::vector<DynamicSettingChange> changes;
    nlohmann::json before = nlohmann::json::object();
    nlohmann::json after = nlohmann::json::object();
    bool ok = true;
    for (const auto& [tag, value] : declared) {
      const std::string field = quoted_field("/spec/dynamicSettings", tag);
      if (schema.has_family(family)) {
        const DynamicSettingRule* rule = schema.find(family, tag);
        if (rule == nullptr) {
          error(field, "\"" + tag + "\" is not a dynamic setting of " + family +
                           " in this organisation (GET .../dynamicSettings/validationSchema)");
          ok = false;
          continue;
        }
        if (!rule->allowed_at(SettingLevel::Device)) {
          error(field, "\"" + tag +
                           "\" cannot be set on a device; expected it in a DeviceSettings of an organization "
                           "or location");
          ok = false;
          continue;
        }
        if (value) {
          if (auto problem = rule->check(*value)) {
            error(field, "\"" + tag + "\": " + *problem);
            ok = false;
            continue;
          }
        }
      }
      auto it = live_values.find(tag);
      const std::optional<std::string> current = it != live_values.end() ? it->second->value : std::nullopt;
      if (have_live && current == value) continue;
      if (!have_live && !value) continue;  // nothing to clear on a new phone
      const bool secret = is_secret(schema.find(family, tag));
      changes.push_back({"", tag, value, secret});
      before[tag] = current ? nlohmann::json(secret ? kSecretText : *current) : nlohmann::json();
      after[tag] = value ? nlohmann::json(secret ? kSecretText : *value) : nlohmann::json("(inherit)");
    }
    std::vector<std::string> unmanaged;
    for (const auto& [tag, setting] : live_values) {
      if (setting->value && !declared.contains(tag)) {
        const bool secret = is_secret(schema.find(family, tag));
        unmanaged.push_back(tag + " = \"" + (secret ? std::string(kSecretText) : *setting->value) + "\"");
      }
    }
    note_unmanaged("dynamic settings", unmanaged);
    if (!ok || changes.empty()) return;
    Step step = base_step("dynamic-settings",
                          have_live ? "dynamic settings differ" : "dynamic settings of the new phone",
                          m_model->phone_os());
    step.before = have_live ? nlohmann::json{{"dynamicSettings", before}} : nlohmann::json();
    step.after = {{"dynamicSettings", after}};
    step.calls = {"PUT /telephony/config/devices/{deviceId}/dynamicSettings"};
    step.operation = SetPhoneDynamicSettings{m_in.ref, changes};
    m_plan.steps.push_back(std::move(step));
  }

  // --- device configurations -------------------------------------------------------------------
  void plan_configurations() {
    const auto& declared = m_in.phone.configurations;
    if (declared.empty()) return;
    const DeviceConfigurations* live = nullptr;
    if (m_in.twin != nullptr) {
      auto it = m_live.device_configurations.find(m_in.twin->id);
      if (it != m_live.device_configurations.end()) live = &it->second;
    }
    std::vector<ConfigurationPatch> patch;
    nlohmann::json before = nlohmann::json::object();
    nlohmann::json after = nlohmann::json::object();
    bool ok = true;
    for (const auto& [key, value] : declared) {
      const std::string field = quoted_field("/spec/configurations", key);
      if (live == nullptr) {
        patch.push_back(value.is_null() ? ConfigurationPatch{ConfigurationPatch::Op::Remove, key, {}}
                                        : ConfigurationPatch{ConfigurationPatch::Op::Replace, key, value});
        after[key] = value.is_null() ? nlohmann::json("(default)") : value;
        continue;
      }
      auto it = live->find(key);
      if (it == live->end()) {
        error(field, "\"" + key + "\" is not a configuration key of this phone (GET /deviceConfigurations)");
        ok = false;
        continue;
      }
      const ConfigurationValue& current = it->second;
      if (!value.is_null()) {
        if (auto problem = check_value_space(current.value_space, value)) {
          error(field, "\"" + key + "\": " + *problem);
          ok = false;
          continue;
        }
      }
      if (!current.editable) {
        const bool changes = value.is_null() ? current.source == "configured" : current.value != value;
        if (changes) {
          error(field, "\"" + key + "\" is not editable (" +
                           (current.not_editable_reason.empty() ? std::string("no reason given")
                                                                : current.not_editable_reason) +
                           "); expected it left out of the manifest");
          ok = false;
        }
        continue;
      }
      if (value.is_null()) {
        if (current.source != "configured") continue;
        patch.push_back({ConfigurationPatch::Op::Remove, key, {}});
        before[key] = current.value;
        after[key] = "(default)";
      } else if (current.value != value) {
        patch.push_back({ConfigurationPatch::Op::Replace, key, value});
        before[key] = current.value;
        after[key] = value;
      }
    }
    if (live != nullptr) {
      std::vector<std::string> unmanaged;
      for (const auto& [key, value] : *live) {
        if (value.source == "configured" && !declared.contains(key))
          unmanaged.push_back(key + " = " + value.value.dump());
      }
      note_unmanaged("configurations", unmanaged);
    }
    if (!ok || patch.empty()) return;
    Step step =
        base_step("configurations", live ? "configurations differ" : "configurations of the new phone",
                  m_model->phone_os());
    step.before = live ? nlohmann::json{{"configurations", before}} : nlohmann::json();
    step.after = {{"configurations", after}};
    step.calls = {"PATCH /deviceConfigurations"};
    step.operation = PatchPhoneConfigurations{m_in.ref, m_in.twin ? m_in.twin->webex_device_id : "", patch};
    m_plan.steps.push_back(std::move(step));
  }

  const PhoneSettingsInput& m_in;
  const LiveState& m_live;
  Plan& m_plan;
  const DeviceModel* m_model;
  bool m_waits = false;
};

}  // namespace

bool plan_phone_settings(const PhoneSettingsInput& input, const LiveState& live, Plan& plan) {
  return PhoneSettings(input, live, plan).run();
}

}  // namespace wx
