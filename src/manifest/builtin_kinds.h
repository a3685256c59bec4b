#pragma once
#include "wxphones/manifest/kind_registry.h"

namespace wx::manifest {

// Each kind registers itself from its own file; a new kind adds one line to add_builtin_kinds().
void add_project_kind(KindRegistry& registry);
void add_phone_kind(KindRegistry& registry);
void add_line_key_template_kind(KindRegistry& registry);
void add_device_settings_kind(KindRegistry& registry);
void add_owner_devices_kinds(KindRegistry& registry);  // WorkspaceDevices and PersonDevices

void add_builtin_kinds(KindRegistry& registry);

}  // namespace wx::manifest
