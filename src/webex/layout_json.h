#pragma once
#include <nlohmann/json.hpp>

#include "wxphones/model/device_job.h"
#include "wxphones/model/layout.h"

namespace wx::webex_detail {

// JSON for layouts, line key templates and the apply-template body (WEBEX_API.md sections 6.7, 6.8, 12).
// Writers send only what is set: no nulls, booleans as JSON booleans, sharedLineIndex only when given
// (the spec marks it required, but sending it for one shared key means sending it for all).
// Readers are tolerant: absent or null arrays read as empty, numbers may be floats, unknown key types
// pass through as strings.

Layout layout_from_json(const nlohmann::json& body);
// A DEFAULT layout is {layoutMode: DEFAULT} (plus userReorderEnabled): keys would be ignored or refused.
nlohmann::json layout_to_json(const Layout& layout);

nlohmann::json line_keys_to_json(const std::vector<LineKey>& keys);
std::vector<LineKey> line_keys_from_json(const nlohmann::json& object);  // reads object["lineKeys"]

// An item of GET lineKeyTemplates (details_loaded=false) or GET lineKeyTemplates/{id} (true).
LineKeyTemplate template_from_json(const nlohmann::json& body, bool details_loaded);
nlohmann::json template_create_json(const LineKeyTemplate& tpl);  // POST: name, model, reorder, keys
nlohmann::json template_update_json(const LineKeyTemplate& tpl);  // PUT: name and model cannot change

nlohmann::json apply_template_json(const ApplyTemplateRequest& request);

}  // namespace wx::webex_detail
