#pragma once
#include <string>

namespace wx::cli {

enum class LogFormat { Text, Json };

// Logs go to stderr so stdout stays machine-readable (plan --format json). JSON: one object per
// line, {"time" (UTC), "level", "message"}, for CI log collectors.
void setup_logging(const std::string& level, LogFormat format);

}  // namespace wx::cli
