#pragma once
#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/util/diagnostic.h"
#include "wxphones/webex/webex_api.h"

namespace wx {

struct LiveReadOptions {
  int parallelism = 8;  // concurrent reads; the client bounds requests in flight as well
  int bulk_min_phones = 5;  // as PlanOptions: templates this widely used may go out as one job
  // From this many named owners on, people, workspaces and phones are listed org-wide (a page per
  // 1,000) instead of looked up per owner (three requests each): cheaper for any organisation of
  // up to ~50 people per owner named.
  int org_wide_min_owners = 50;
};

struct LiveRead {
  LiveState state;
  Diagnostics diagnostics;  // e.g. a prune-scope location that does not exist
};

// Reads only what the manifests touch: their owners, those owners' phones (through /devices and
// the telephony owner listings, joined on MAC), the prune scope's phones, and the status of MACs
// that are not devices yet. Throws ApiError when Webex fails.
LiveRead read_live_state(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options = {});

}  // namespace wx
