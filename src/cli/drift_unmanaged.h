#pragma once
#include <string>
#include <vector>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/plan/plan.h"

namespace wx::cli {

// A live phone in the managed scope (owned by a manifest's owner, or in the prune scope) that no
// manifest declares and that the plan does not delete: drift reports it so an admin can adopt
// or remove it; apply never touches it.
struct UnmanagedPhone {
  std::string device_id;
  std::string mac;  // empty for an activation code not yet used
  std::string model;
  std::string display_name;
  std::string location;  // location name, may be empty
  std::string owner;     // person email or workspace name when the manifests know the owner
  bool online = false;
  friend bool operator==(const UnmanagedPhone&, const UnmanagedPhone&) = default;
};

// Pure: the live phones no desired phone pairs with, minus those the plan deletes (prune scope),
// in the order LiveState lists them.
std::vector<UnmanagedPhone> find_unmanaged_phones(const Plan& plan, const LiveState& live,
                                                  const DesiredState& desired);

}  // namespace wx::cli
