#pragma once
#include <optional>
#include <string>
#include <vector>

#include "emulator/router.h"
#include "emulator/state.h"

namespace wx::emulator {

// The body of previewApplyLineKeyTemplate and of the applyLineKeyTemplate job (WEBEX_API §6.8).
struct ApplyRequest {
  std::string action;                       // APPLY_TEMPLATE | APPLY_DEFAULT_TEMPLATES
  std::string template_uuid;                // APPLY_TEMPLATE only
  std::vector<std::string> location_uuids;  // empty = the whole org
  std::vector<std::string> include_tags;    // a device must carry all of them
  std::vector<std::string> exclude_tags;    // ... and none of these
  bool exclude_custom_layouts = false;
};

// Parses and checks the body; on a bad body sends the Webex error (400, or 404 for an unknown
// template) and returns nullopt.
std::optional<ApplyRequest> parse_apply_request(Context& ctx);

// THE selection, used by both the preview and the job so that their counts agree: for
// APPLY_TEMPLATE the phones of the template's model, for APPLY_DEFAULT_TEMPLATES every phone whose
// model allows layouts; then the location, tag and custom-layout filters. Device uuids, org order.
std::vector<std::string> select_devices(const State& state, const ApplyRequest& request);

}  // namespace wx::emulator
