#pragma once
#include <string>
#include <vector>

#include "wxphones/model/live.h"
#include "wxphones/plan/plan.h"

namespace wx {

// A managed phone that still carries kApplyPendingTag: an earlier apply wrote its configuration and
// stopped before asking the phone to fetch it.
struct InterruptedPhone {
  PhoneRef ref;
  std::string location;
  std::vector<std::string> tags;  // its live tags without the marker
};

// After every per-phone step exists: one applyChanges per phone whose model supports it and that has
// device-level writes (lines, layout, settings), after all of them, or that an earlier apply left
// marked. The marker goes on before the first write (with the phone's tags step when it has one,
// else a step of its own) and comes off after applyChanges, so a kill anywhere in between leaves the
// phone marked and the next plan finishes it.
void plan_apply_changes(const LiveState& live, const std::vector<InterruptedPhone>& interrupted, Plan& plan);

}  // namespace wx
