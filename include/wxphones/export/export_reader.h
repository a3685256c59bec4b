#pragma once
#include <string>
#include <vector>

#include "wxphones/model/live.h"
#include "wxphones/webex/webex_api.h"
#include "wxphones/webex/webex_client.h"

namespace wx::exporter {

struct ExportReadOptions {
  std::vector<std::string> locations;  // names; empty = every location
  int parallelism = 8;
};

// Reads what export writes, for the phones of the selected locations: their owners (people by id,
// workspaces by listing), templates with keys, layouts, members, the settings of each phone's
// family (customizations, dynamic settings, configurations), the owners' hoteling, and the
// organisation's and locations' customizations and dynamic settings.
// WebexApi has no lookup of a person by id, so `directory` (the same organisation) answers
// GET /people?id= and GET /workspaces. Throws std::runtime_error for an unknown location name and
// ApiError when Webex fails.
LiveState read_export_state(WebexApi& api, WebexClient& directory, const ExportReadOptions& options);

}  // namespace wx::exporter
