#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace wx {

// A MAC as 12 upper-case hex digits, accepting one kind of separator (':', '-' or '.') between
// groups of two or four digits (00:1B:54:AA:01:02, 001B.54AA.0102), or none (001b54aa0102).
// Returns nullopt when the text is not a MAC.
std::optional<std::string> normalize_mac(std::string_view text);

}  // namespace wx
