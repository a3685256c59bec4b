#include "wxphones/plan/phone_pairing.h"

#include <set>

#include "wxphones/plan/normalize.h"

namespace wx {

namespace {

bool owned_by(const LiveDevice& device, const ResolvedOwner& owner) {
  return same_webex_id(device.person_id, owner.person_id) ||
         same_webex_id(device.workspace_id, owner.workspace_id);
}

bool same_model(const LiveState& live, const LiveDevice& device, const std::string& desired_model) {
  const std::string want = canonical_model(live.catalog, desired_model);
  if (!device.model.empty() && canonical_model(live.catalog, device.model) == want) return true;
  return !device.product.empty() && canonical_model(live.catalog, device.product) == want;
}

}  // namespace

PhonePairing pair_phones(const std::vector<DesiredPhone>& desired, const LiveState& live,
                         const std::map<std::string, ResolvedOwner>& owners) {
  PhonePairing result;
  std::set<const LiveDevice*> claimed;

  std::map<std::string, const LiveDevice*> by_mac;
  for (const auto& device : live.devices) {
    if (!device.mac.empty()) by_mac.emplace(device.mac, &device);
  }

  // MAC phones first, so an activation-code phone never claims a device a MAC names.
  for (const auto& phone : desired) {
    if (!owners.contains(phone.name) || !phone.mac) continue;
    auto it = by_mac.find(*phone.mac);
    const LiveDevice* twin = it == by_mac.end() ? nullptr : it->second;
    if (twin) claimed.insert(twin);
    result.pairs.push_back({&phone, twin});
  }
  for (const auto& phone : desired) {
    auto owner = owners.find(phone.name);
    if (owner == owners.end() || phone.mac) continue;
    const LiveDevice* twin = nullptr;
    for (const auto& device : live.devices) {
      if (claimed.contains(&device) || !owned_by(device, owner->second)) continue;
      if (!same_model(live, device, phone.model)) continue;
      twin = &device;
      break;
    }
    if (twin) claimed.insert(twin);
    result.pairs.push_back({&phone, twin});
  }
  for (const auto& device : live.devices) {
    if (!claimed.contains(&device)) result.unpaired_live.push_back(&device);
  }
  return result;
}

}  // namespace wx
