#pragma once
#include <string>
#include <string_view>

namespace wx {

// Process-wide list of secrets (access tokens, client secrets) that must never be shown.
// Code that produces user-visible text from foreign input (error bodies, library messages) passes it
// through redact() as a second line of defence: the first is never putting secrets into text at all.

// Remembers a secret. Empty strings and very short values (which would mask ordinary words) are ignored.
void register_secret(std::string_view secret);

// Returns text with every registered secret replaced by "***".
std::string redact(std::string_view text);

}  // namespace wx
