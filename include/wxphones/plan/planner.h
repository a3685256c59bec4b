#pragma once
#include <set>
#include <string>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/plan/plan.h"

namespace wx {

struct PlanOptions {
  // Wait for every phone this plan creates, not only for those whose later steps need it online.
  bool wait_for_new_phones = true;
  // A template's layout goes out as one job only when at least this many phones need it.
  int bulk_min_phones = 5;
  // Templates whose job the preview did not confirm: their layouts are written per phone.
  std::set<std::string> no_bulk_templates;
  // Activation-code phones still activating (their code never entered, or lost with an interrupted
  // run) get a new code: the waiting device is deleted and a code issued again.
  bool reissue_activation_codes = false;
};

// The planner: a pure function of desired and live state. No I/O, no clock.
Plan make_plan(const DesiredState& desired, const LiveState& live, const PlanOptions& options = {});

}  // namespace wx
