#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wxphones/model/desired.h"
#include "wxphones/util/field_path.h"

namespace wx {

// Project.spec.ignore: fields nobody manages from these manifests. Applying a rule removes the
// field from the desired state, so the planner neither reports it as drift nor writes it. A rule
// covers the field and everything under it; for a write that replaces a whole value (tags,
// layout, members) any path inside it leaves the whole value unmanaged.
//
// Field paths are written like diagnostics write them:
//   spec.tags   spec.hoteling.guestHoursLimit   spec.settings.customizations.mpp.backlightTimer
//   spec.dynamicSettings["%SCREEN_BRIGHTNESS%"]   spec.configurations["Audio.Ringer.Volume"]
//   spec.dynamicSettings["Cisco 9800"]["%ENABLE_BLUETOOTH%"]   (DeviceSettings: family, then tag)
// and split with split_field_path (wxphones/util/field_path.h), which the loader uses too.

// The desired state without what `desired.project.ignore` names. Pure; rules the loader rejected
// (unknown kind or field) change nothing.
DesiredState apply_ignore_rules(const DesiredState& desired);

// One rule, in place: exposed for tests and for callers with rules of their own.
void apply_ignore_rule(const IgnoreRule& rule, DesiredState& desired);

}  // namespace wx
