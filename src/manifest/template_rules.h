#pragma once
#include "wxphones/manifest/kind_registry.h"

namespace wx::manifest {

// Rules across LineKeyTemplate and Phone documents, run after all are read: no templateName twice
// (Webex pairs templates by name), and every phone's {template: NAME} names a declared template
// whose deviceModel is the phone's model (a template fits one model only).
void check_templates_together(DecodeContext& ctx);

}  // namespace wx::manifest
