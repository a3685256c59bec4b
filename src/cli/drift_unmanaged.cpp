#include "cli/drift_unmanaged.h"

#include <map>
#include <set>

#include "wxphones/plan/normalize.h"
#include "wxphones/plan/owner_resolution.h"
#include "wxphones/plan/phone_pairing.h"

namespace wx::cli {

namespace {

std::set<std::string> deleted_device_ids(const Plan& plan) {
  std::set<std::string> ids;
  for (const auto& step : plan.steps) {
    if (const auto* del = std::get_if<DeletePhone>(&step.operation)) ids.insert(del->phone.device_id);
  }
  return ids;
}

std::string owner_name(const LiveState& live, const LiveDevice& device) {
  for (const auto& [email, person] : live.people) {
    if (!device.person_id.empty() && same_webex_id(person.id, device.person_id)) return email;
  }
  for (const auto& [name, workspace] : live.workspaces) {
    if (!device.workspace_id.empty() && same_webex_id(workspace.id, device.workspace_id)) return name;
  }
  return {};
}

}  // namespace

std::vector<UnmanagedPhone> find_unmanaged_phones(const Plan& plan, const LiveState& live,
                                                  const DesiredState& desired) {
  // Pair exactly as the planner does; its diagnostics are already in the plan.
  Diagnostics ignored;
  std::map<std::string, ResolvedOwner> owners;
  for (const auto& phone : desired.phones) {
    if (auto owner = resolve_owner(phone, live, ignored)) owners.emplace(phone.name, *owner);
  }
  // A desired phone whose owner did not resolve still names its MAC: never call that phone unmanaged.
  std::set<std::string> declared_macs;
  for (const auto& phone : desired.phones) {
    if (phone.mac) declared_macs.insert(*phone.mac);
  }
  const PhonePairing pairing = pair_phones(desired.phones, live, owners);
  const std::set<std::string> deleted = deleted_device_ids(plan);
  std::vector<UnmanagedPhone> result;
  for (const LiveDevice* device : pairing.unpaired_live) {
    if (deleted.contains(device->id)) continue;
    if (!device->mac.empty() && declared_macs.contains(device->mac)) continue;
    const Location* location = live.location_by_id(device->location_id);
    result.push_back({device->id, device->mac, device->model.empty() ? device->product : device->model,
                      device->display_name, location ? location->name : std::string(),
                      owner_name(live, *device), device->online()});
  }
  return result;
}

}  // namespace wx::cli
