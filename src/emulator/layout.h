#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "emulator/state.h"

namespace wx::emulator {

// Layout rules of WEBEX_API §6.7 / §11.7, shared by the layout PUT, line key templates and the
// control API. Each check returns the message of the 400 Webex error, or nullopt when valid.

// A `lineKeys` array for `model`: indexes within numberOfLineKeyButtons and unique, index 1 is
// PRIMARY_LINE, known key types, SPEED_DIAL values a number/extension/SIP URI, sharedLineIndex
// for all SHARED_LINE keys or none. On success `out` holds the keys sorted by index.
std::optional<std::string> check_line_keys(const nlohmann::json& keys, const DeviceModel& model,
                                           nlohmann::json& out);

// A whole PUT body. KEM keys not sent become OPEN for every module up to the highest one sent.
std::optional<std::string> parse_layout(const nlohmann::json& body, const DeviceModel& model, Layout& out);

// The GET body: DEFAULT reads back without lineKeys, kemModuleType and kemKeys (§6.7 observed).
nlohmann::json layout_json(const Layout& layout);

// Keys per module of a kemModuleType ("KEM_14_KEYS" -> 14); 0 for an unknown type.
int kem_keys_per_module(const std::string& kem_module_type);

}  // namespace wx::emulator
