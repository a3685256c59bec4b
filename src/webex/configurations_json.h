#pragma once
#include <nlohmann/json.hpp>

#include "wxphones/model/device_configuration.h"

namespace wx::webex_detail {

// The `items` map of GET/PATCH /deviceConfigurations (WEBEX_API.md section 7). Editability is read
// from `isEditable`, or from `editable` (the spec's GET example) when that is all there is. Entries
// that are not objects are skipped; unknown members (level, enforced, ...) are ignored.
DeviceConfigurations device_configurations_from_json(const nlohmann::json& body);

}  // namespace wx::webex_detail
