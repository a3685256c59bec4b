#pragma once
#include <optional>
#include <string>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/util/diagnostic.h"

namespace wx {

// A desired phone's owner, resolved against live data.
struct ResolvedOwner {
  std::string person_id;  // exactly one of person_id / workspace_id is set
  std::string workspace_id;
  std::string location_id;
  const std::string& id() const { return person_id.empty() ? workspace_id : person_id; }
};

// Resolves the owner of `phone`, or adds a diagnostic pointing at the manifest line and returns
// nullopt (unknown email, unknown or ambiguous workspace name).
std::optional<ResolvedOwner> resolve_owner(const DesiredPhone& phone, const LiveState& live,
                                           Diagnostics& diagnostics);

// The same for any reference to a person (email) or workspace (name): a member, a settings scope.
// `field` is the manifest field the reference was written at ("spec.members[1]").
std::optional<ResolvedOwner> resolve_owner_ref(const OwnerRef& ref, const std::string& field,
                                               const LiveState& live, Diagnostics& diagnostics);

}  // namespace wx
