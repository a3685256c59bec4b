#pragma once
// Hoteling host settings of a phone (WEBEX_API §6.12), shared by the API PUTs, the control API
// and the seed. The person PUT wraps them in {hoteling:{...}}; the workspace PUT sends them flat.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "emulator/state.h"

namespace wx::emulator {

inline constexpr int kMinGuestHours = 1;
inline constexpr int kMaxGuestHours = 999;

// Reads the flat {enabled, limitGuestUse, guestHoursLimit} over `h` (fields absent stay as they
// are). Returns a message on a wrong type, a guestHoursLimit outside 1..999, or (when
// `require_enabled`, the schema's one required field) a missing `enabled`.
std::optional<std::string> parse_hoteling(const nlohmann::json& body, Hoteling& h, bool require_enabled);

nlohmann::json hoteling_json(const Hoteling& h);

}  // namespace wx::emulator
