#include "manifest/builtin_kinds.h"

namespace wx::manifest {

void add_builtin_kinds(KindRegistry& registry) {
  add_project_kind(registry);
  add_phone_kind(registry);
  add_line_key_template_kind(registry);
  add_device_settings_kind(registry);
  add_owner_devices_kinds(registry);
}

}  // namespace wx::manifest
