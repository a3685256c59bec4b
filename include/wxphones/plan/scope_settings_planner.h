#pragma once
#include <string>
#include <vector>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/plan/plan.h"

namespace wx {

// One declaration of an owner's hoteling: from a WorkspaceDevices / PersonDevices document or from a
// phone's `hoteling:` (then `after` holds the phone's create step when the phone is new).
struct HotelingDeclaration {
  OwnerTarget owner;
  Hoteling hoteling;  // declared fields only
  std::vector<std::string> after;
  std::string location;
};

// Plans the DeviceSettings documents: organization and location customizations and dynamic settings
// as device jobs (listing the phones they will not reach), person/workspace compression, and a
// rebuild after a location's settings job when the Project asks for it. Appends the hoteling
// declarations of WorkspaceDevices / PersonDevices documents to `hoteling`.
void plan_scope_settings(const DesiredState& desired, const LiveState& live, Plan& plan,
                         std::vector<HotelingDeclaration>& hoteling);

// A rebuild-phones job for one location (after its network settings change).
Step rebuild_phones_step(const std::string& location_name, const std::string& location_id,
                         const std::string& reason);

// One step per owner whose declared hoteling fields differ from live.
void plan_owner_hoteling(const std::vector<HotelingDeclaration>& declarations, const LiveState& live,
                         Plan& plan);

}  // namespace wx
