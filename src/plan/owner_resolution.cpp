#include "wxphones/plan/owner_resolution.h"

#include "wxphones/plan/normalize.h"

namespace wx {

std::optional<ResolvedOwner> resolve_owner(const DesiredPhone& phone, const LiveState& live,
                                           Diagnostics& diagnostics) {
  OwnerRef owner = phone.owner;
  const std::string field =
      owner.kind == OwnerRef::Kind::Person ? "spec.owner.person" : "spec.owner.workspace";
  if (owner.where.line == 0) owner.where = phone.location_of(field);
  return resolve_owner_ref(owner, field, live, diagnostics);
}

std::optional<ResolvedOwner> resolve_owner_ref(const OwnerRef& owner, const std::string& field,
                                               const LiveState& live, Diagnostics& diagnostics) {
  if (owner.kind == OwnerRef::Kind::Person) {
    auto it = live.people.find(lower(owner.name));
    if (it == live.people.end()) {
      diagnostics.push_back({Severity::Error, owner.where, field,
                             "no person with email \"" + owner.name +
                                 "\" in the organisation; expected the email of an existing Webex user"});
      return std::nullopt;
    }
    return ResolvedOwner{it->second.id, "", it->second.location_id};
  }
  auto count = live.workspace_matches.find(owner.name);
  if (count != live.workspace_matches.end() && count->second > 1) {
    diagnostics.push_back({Severity::Error, owner.where, field,
                           std::to_string(count->second) + " workspaces are named \"" + owner.name +
                               "\"; expected a workspace name that is unique in the organisation"});
    return std::nullopt;
  }
  auto it = live.workspaces.find(owner.name);
  if (it == live.workspaces.end()) {
    diagnostics.push_back({Severity::Error, owner.where, field,
                           "no workspace named \"" + owner.name +
                               "\" in the organisation; expected the display name of an existing workspace"});
    return std::nullopt;
  }
  return ResolvedOwner{"", it->second.id, it->second.location_id};
}

}  // namespace wx
