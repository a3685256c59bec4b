#pragma once
#include "emulator/router.h"
#include "emulator/state.h"

namespace wx::emulator {

// The PhoneOS rule (WEBEX_API §13): 9800 Series and 8875 phones accept configuration (layout,
// settings, dynamic settings, device configurations) only after they have come online once.
// Every configuration route calls this first. Returns false after sending the seed's
// phoneOsConfigBeforeOnline error; MPP phones always pass.
bool require_configurable(Context& ctx, const Device& device);

}  // namespace wx::emulator
