#pragma once
#include <map>
#include <string>
#include <vector>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/plan/owner_resolution.h"

namespace wx {

// Desired phones matched with their live twins. MAC phones pair by normalised MAC;
// activation-code phones pair by owner + model (the only key they have before activation).
struct PhonePair {
  const DesiredPhone* desired = nullptr;
  const LiveDevice* live = nullptr;  // nullptr: the phone does not exist yet
};

struct PhonePairing {
  std::vector<PhonePair> pairs;                  // one per desired phone whose owner resolved
  std::vector<const LiveDevice*> unpaired_live;  // live phones no manifest claims
};

// `owners` maps desired phone name -> resolved owner; phones missing from it are left out.
PhonePairing pair_phones(const std::vector<DesiredPhone>& desired, const LiveState& live,
                         const std::map<std::string, ResolvedOwner>& owners);

}  // namespace wx
