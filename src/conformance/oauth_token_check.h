#pragma once
#include "wxphones/conformance/checker.h"
#include "wxphones/conformance/exchange.h"

namespace wx::conformance::detail {

// An exchange with the OAuth token endpoint that a security scheme declares as tokenUrl. The descriptions
// give no operation for it; its contract is OAuth 2 (RFC 6749 §5-6) as WEBEX_API.md §1 describes Webex's
// use: a form-encoded POST (grant_type=refresh_token with client_id, client_secret, refresh_token),
// answered 200 with {access_token, expires_in, token_type, refresh_token?, refresh_token_expires_in?}
// or 400/401 with an error body.
CheckOutcome check_oauth_token_exchange(const Exchange& exchange, const std::string& token_path);

}  // namespace wx::conformance::detail
