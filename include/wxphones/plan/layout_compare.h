#pragma once
#include <nlohmann/json.hpp>

#include "wxphones/model/layout.h"

namespace wx {

// A layout as Webex reads it back, so both sides compare equal when they will be: a DEFAULT layout
// has no keys; OPEN keys are dropped (KEM keys not sent read back OPEN); keys sorted by position.
Layout normalize_layout(Layout layout);

// Whether writing `desired` would change `live`. userReorderEnabled counts only when desired sets it.
bool layout_matches(const Layout& desired, const Layout& live);

// The layout a template puts on a phone.
Layout layout_of_template(const LineKeyTemplate& tmpl);

// Whether two templates differ in what PUT can change (userReorderEnabled, lineKeys).
bool template_content_matches(const LineKeyTemplate& desired, const LineKeyTemplate& live);

// {"layoutMode", "userReorderEnabled", "lineKeys": [...], "kemModuleType", "kemKeys": [...]} with API names.
nlohmann::json layout_to_json(const Layout& layout);
nlohmann::json line_keys_to_json(const std::vector<LineKey>& keys);

}  // namespace wx
