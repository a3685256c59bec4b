#include "wxphones/plan/ignore_rules.h"

#include <algorithm>

namespace wx {

namespace {

using Segments = std::vector<std::string>;

bool selected(const IgnoreRule& rule, const std::string& name) {
  return !rule.name || *rule.name == name;
}

// Removes the value at `path` (object keys) from `object`, then the objects it leaves empty.
void erase_path(nlohmann::json& object, const Segments& path, std::size_t from) {
  if (!object.is_object() || from >= path.size()) return;
  auto it = object.find(path[from]);
  if (it == object.end()) return;
  if (from + 1 == path.size()) {
    object.erase(it);
    return;
  }
  erase_path(*it, path, from + 1);
  if (it->is_object() && it->empty()) object.erase(it);
}

void ignore_hoteling_field(std::optional<Hoteling>& hoteling, const Segments& s, std::size_t at) {
  if (!hoteling) return;
  if (s.size() == at) {
    hoteling.reset();
    return;
  }
  if (s[at] == "enabled") hoteling->enabled.reset();
  if (s[at] == "limitGuestUse") hoteling->limit_guest_use.reset();
  if (s[at] == "guestHoursLimit") hoteling->guest_hours_limit.reset();
  if (!hoteling->enabled && !hoteling->limit_guest_use && !hoteling->guest_hours_limit) hoteling.reset();
}

void ignore_in_phone(DesiredPhone& phone, const Segments& s) {
  const std::string& field = s[1];
  if (field == "tags") {
    phone.tags.reset();
  } else if (field == "layout") {
    phone.layout.reset();
  } else if (field == "members") {
    phone.members.reset();  // a full-replacement write: the whole line list
  } else if (field == "hoteling") {
    ignore_hoteling_field(phone.hoteling, s, 2);
  } else if (field == "settings" && phone.settings) {
    if (s.size() == 2 || (s.size() == 3 && s[2] == "customizations")) {
      phone.settings.reset();
    } else if (s[2] == "customizations") {
      erase_path(phone.settings->customizations, s, 3);
      // Nothing declared any more: the phone's own settings are no longer ours to enable.
      if (phone.settings->customizations.empty() && !phone.settings->custom_enabled) phone.settings.reset();
    }
  } else if (field == "dynamicSettings") {
    if (s.size() == 2) {
      phone.dynamic_settings.clear();
    } else {
      phone.dynamic_settings.erase(s[2]);
    }
  } else if (field == "configurations") {
    if (s.size() == 2) {
      phone.configurations.clear();
    } else {
      phone.configurations.erase(s[2]);
    }
  }
}

void ignore_in_scope(DesiredScopeSettings& scope, const Segments& s) {
  const std::string& field = s[1];
  if (field == "customizations") {
    if (s.size() == 2) {
      scope.customizations = nlohmann::json::object();
    } else {
      erase_path(scope.customizations, s, 2);
    }
  } else if (field == "compression") {
    scope.compression.reset();
  } else if (field == "dynamicSettings") {
    if (s.size() == 2) {
      scope.dynamic_settings.clear();
      return;
    }
    auto family = scope.dynamic_settings.find(s[2]);
    if (family == scope.dynamic_settings.end()) return;
    if (s.size() == 3) {
      scope.dynamic_settings.erase(family);
      return;
    }
    family->second.erase(s[3]);
    if (family->second.empty()) scope.dynamic_settings.erase(family);
  }
}

}  // namespace

void apply_ignore_rule(const IgnoreRule& rule, DesiredState& desired) {
  const auto segments = split_field_path(rule.field);
  if (!segments || segments->size() < 2 || (*segments)[0] != "spec") return;
  const Segments& s = *segments;
  if (rule.kind == "Phone") {
    for (auto& phone : desired.phones) {
      if (selected(rule, phone.name)) ignore_in_phone(phone, s);
    }
  } else if (rule.kind == "LineKeyTemplate") {
    for (auto& tmpl : desired.templates) {
      if (selected(rule, tmpl.name) && s[1] == "userReorderEnabled") tmpl.spec.user_reorder_enabled.reset();
    }
  } else if (rule.kind == "DeviceSettings") {
    for (auto& scope : desired.scope_settings) {
      if (selected(rule, scope.name)) ignore_in_scope(scope, s);
    }
  } else if (rule.kind == "WorkspaceDevices" || rule.kind == "PersonDevices") {
    const auto owner_kind = rule.kind == "PersonDevices" ? OwnerRef::Kind::Person : OwnerRef::Kind::Workspace;
    auto& all = desired.owner_devices;
    for (auto it = all.begin(); it != all.end();) {
      if (it->owner.kind == owner_kind && selected(rule, it->name) && s[1] == "hoteling") {
        std::optional<Hoteling> hoteling = it->hoteling;
        ignore_hoteling_field(hoteling, s, 2);
        if (!hoteling) {
          it = all.erase(it);  // nothing left to manage for this owner
          continue;
        }
        it->hoteling = *hoteling;
      }
      ++it;
    }
  }
}

DesiredState apply_ignore_rules(const DesiredState& desired) {
  DesiredState out = desired;
  for (const auto& rule : desired.project.ignore) apply_ignore_rule(rule, out);
  return out;
}

}  // namespace wx
