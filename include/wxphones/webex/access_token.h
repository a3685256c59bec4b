#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace wx {

// The access token from token_file (whitespace trimmed; a warning when the file is readable by group or
// others) or, without a file, from the environment variable WEBEX_ACCESS_TOKEN.
// Throws std::runtime_error naming both options when neither gives a token. The token is registered
// with redact() before it is returned.
std::string resolve_access_token(const std::optional<std::filesystem::path>& token_file);

}  // namespace wx
