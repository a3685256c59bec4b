#include "wxphones/plan/owner_resolution.h"

#include "wxphones/plan/normalize.h"

namespace wx {

std::optional<ResolvedOwner> resolve_owner(const DesiredPhone& phone, const LiveState& live,
                                           Diagnostics& diagnostics) {
  const auto& owner = phone.owner;
  if (owner.kind == OwnerRef::Kind::Person) {
    auto it = live.people.find(lower(owner.name));
    if (it == live.people.end()) {
      diagnostics.push_back({Severity::Error, phone.location_of("spec.owner.person"), "spec.owner.person",
                             "no person with email \"" + owner.name +
                                 "\" in the organisation; expected the email of an existing Webex user"});
      return std::nullopt;
    }
    return ResolvedOwner{it->second.id, "", it->second.location_id};
  }
  auto count = live.workspace_matches.find(owner.name);
  if (count != live.workspace_matches.end() && count->second > 1) {
    diagnostics.push_back({Severity::Error, phone.location_of("spec.owner.workspace"), "spec.owner.workspace",
                           std::to_string(count->second) + " workspaces are named \"" + owner.name +
                               "\"; expected a workspace name that is unique in the organisation"});
    return std::nullopt;
  }
  auto it = live.workspaces.find(owner.name);
  if (it == live.workspaces.end()) {
    diagnostics.push_back({Severity::Error, phone.location_of("spec.owner.workspace"), "spec.owner.workspace",
                           "no workspace named \"" + owner.name +
                               "\" in the organisation; expected the display name of an existing workspace"});
    return std::nullopt;
  }
  return ResolvedOwner{"", it->second.id, it->second.location_id};
}

}  // namespace wx
