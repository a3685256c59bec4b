#pragma once
#include <string>

#include "wxphones/manifest/kind_registry.h"

namespace wx::manifest {

// Rules across Phone documents, run after all are read: no MAC twice (after normalisation), and
// no two activation-code phones with the same owner and model (before activation nothing tells
// them apart, so plan could not pair them with what Webex holds).
void check_phones_together(DecodeContext& ctx);

// "MAC address and activation code", "people and workspaces": what a model offers, for messages.
std::string offered_onboarding(const DeviceModel& model);
std::string offered_owners(const DeviceModel& model);

}  // namespace wx::manifest
