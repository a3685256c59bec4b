#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/drift_unmanaged.h"
#include "wxphones/plan/plan.h"

namespace wx::cli {

// The drift report in its three forms. Drift means the plan has changes; unmanaged phones are
// listed but are not drift (apply would not touch them).

// Versioned like the plan: additive changes bump the minor.
inline constexpr const char* kDriftFormatVersion = "1.0";

// {formatVersion, drift, summary, steps, unmanagedPhones, notes, diagnostics}; steps, summary and
// notes are plan_to_json's.
nlohmann::json drift_to_json(const Plan& plan, const std::vector<UnmanagedPhone>& unmanaged);
std::string render_drift_text(const Plan& plan, const std::vector<UnmanagedPhone>& unmanaged, bool color);
std::string render_drift_markdown(const Plan& plan, const std::vector<UnmanagedPhone>& unmanaged);

// `markdown` cut to at most max_bytes (whole lines, whole UTF-8 characters) with a closing note
// saying it was cut, for a Webex message (7439 bytes per webex-messages.yml).
inline constexpr std::size_t kMaxMessageBytes = 7439;
std::string fit_message(const std::string& markdown, std::size_t max_bytes = kMaxMessageBytes);

}  // namespace wx::cli
