#pragma once
#include <string_view>

namespace wx {

// What a plan step does. Closed set; each has a display glyph (Terraform's vocabulary plus the
// Webex-specific waits).
enum class Action {
  Create,   // + a new object (a phone by MAC, or an activation code for a new phone)
  Update,   // ~ change fields of an existing object in place
  Replace,  // -/+ Webex cannot change it in place: delete, then create
  Delete,   // - remove an object absent from the manifests, inside the prune scope
  Wait,     // … wait until phones are online before configuring them
  Run,      // > run something that changes no declared object: apply changes, rebuild phones
};

std::string_view glyph(Action action);  // "+", "~", "-/+", "-", "…"
std::string_view verb(Action action);   // "create", "update", "replace", "delete", "wait"

}  // namespace wx
