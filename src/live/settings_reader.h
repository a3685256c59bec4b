#pragma once
#include "wxphones/live/live_reader.h"

namespace wx {

// Step 4 of read_live_state: the settings the manifests declare, and nothing else. Phones are
// those of the owners already in `live.devices`; scope phones are read only when a declared
// organization or location setting differs from live (to list the phones its job will not reach).
void read_settings(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options,
                   LiveState& live);

}  // namespace wx
