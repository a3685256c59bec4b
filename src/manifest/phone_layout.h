#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "wxphones/manifest/kind_registry.h"
#include "wxphones/model/desired.h"

namespace wx::manifest {

// A phone's spec.layout: {template: NAME} or an inline layout (layoutMode DEFAULT|CUSTOM,
// userReorderEnabled, lineKeys, kemModuleType, kemKeys), checked against the phone's model
// (`model` may be null: unknown, capability checks skipped). nullopt when there is no layout or it
// is not a mapping (the schema reports that). Whether the template exists and fits the model is
// checked once every document is read (check_template_references).
std::optional<PhoneLayout> decode_phone_layout(const ManifestDocument& doc, DecodeContext& ctx,
                                               const nlohmann::json& spec, const DeviceModel* model);

}  // namespace wx::manifest
