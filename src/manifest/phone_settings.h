#pragma once
#include "wxphones/manifest/kind_registry.h"

namespace wx::manifest {

// A phone's spec.settings, spec.dynamicSettings and spec.configurations. A model uses exactly one
// settings API (supportedDevices deviceSettingsConfiguration); writing another is an error at its
// key that names the API the model does use. `model` is nullptr when it is unknown (reported
// elsewhere): then only the shapes are checked.
void decode_phone_settings(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& spec,
                           const DeviceModel* model, DesiredPhone& phone);

// "WEBEX_CALLING_DYNAMIC_DEVICE_CONFIGURATION", as supportedDevices spells the model's API.
std::string settings_api_name(SettingsFamily family);

}  // namespace wx::manifest
