#pragma once
#include <optional>
#include <string>

namespace wx::schema::detail {

// Loose checks for the few `format` values we rely on. Returns a human description of what was
// expected when `value` fails, std::nullopt when it passes or the format is unknown (ignored).
std::optional<std::string> check_format(const std::string& format, const std::string& value);

}  // namespace wx::schema::detail
