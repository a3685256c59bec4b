#pragma once
#include <string>
#include <vector>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/plan/owner_resolution.h"
#include "wxphones/plan/plan.h"

namespace wx {

// One phone, as the phone planner has paired and resolved it.
struct PhoneSettingsInput {
  const DesiredPhone& phone;
  const LiveDevice* twin;  // nullptr: this plan creates the phone
  PhoneRef ref;
  std::string location;
  ResolvedOwner owner;
  std::vector<std::string> after;  // the phone's create step, when it is new
  std::string wait_step_id;        // set for a PhoneOS phone not yet online: its settings wait for it
};

// Plans a phone's lines (members), customizations, dynamic settings and device configurations: only
// the declared keys, each compared with the live value. Values that need the org's data (dynamic
// settings schema, configuration valueSpace, available members) are checked here and reported at
// their manifest line. Returns whether an appended step waits for input.wait_step_id.
bool plan_phone_settings(const PhoneSettingsInput& input, const LiveState& live, Plan& plan);


}  // namespace wx
