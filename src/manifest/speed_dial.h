#pragma once
#include <string_view>

namespace wx::manifest {

// A SPEED_DIAL key's value as Webex accepts it (WEBEX_API §6.7): a phone number or extension
// (digits, optionally after a '+') or a SIP URI user@host, both parts made of [A-Za-z0-9-_ .+].
bool is_speed_dial_value(std::string_view value);

inline constexpr std::string_view kSpeedDialFormats =
    "a phone number or extension (digits after an optional '+', e.g. \"+14085550100\", \"5000\") or a SIP "
    "URI "
    "user@host of A-Z a-z 0-9 - _ . + and spaces";

}  // namespace wx::manifest
