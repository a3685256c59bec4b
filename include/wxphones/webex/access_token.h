#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "wxphones/webex/client_config.h"

namespace wx {

// The access token from token_file (whitespace trimmed; a warning when the file is readable by group or
// others) or, without a file, from the environment variable WEBEX_ACCESS_TOKEN.
// Throws std::runtime_error naming both options when neither gives a token. The token is registered
// with redact() before it is returned.
// With required = false an absent token yields "" (refresh credentials will get one).
std::string resolve_access_token(const std::optional<std::filesystem::path>& token_file, bool required = true);

// The refresh grant from WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN: all three, or
// nullopt when none is set. Throws std::runtime_error naming the missing ones when only some are set.
std::optional<RefreshCredentials> resolve_refresh_credentials();

}  // namespace wx
