#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "wxphones/model/device_model.h"

namespace wx {

// Normalisers shared by both sides of every comparison: a noisy diff is a normaliser bug.

// Tags compare as a set: sorted, duplicates and empty strings dropped.
std::vector<std::string> normalize_tags(std::vector<std::string> tags);

// The tag apply puts on a phone before writing its configuration and takes off once the phone was asked
// to fetch it (applyChanges). It lives in Webex, so the next run, from any checkout, finishes a phone
// that an interrupted apply wrote but never told. Never part of the desired tags.
inline constexpr const char* kApplyPendingTag = "wxphones-apply-pending";
bool has_apply_pending_tag(const std::vector<std::string>& tags);
// normalize_tags without the marker: the tags to compare with the desired ones.
std::vector<std::string> tags_without_marker(std::vector<std::string> tags);

// Webex IDs are base64 with inconsistent padding; compare without it.
bool same_webex_id(std::string_view a, std::string_view b);
std::string_view without_webex_padding(std::string_view id);

// The API model string for a model name or display name, or the text itself when unknown.
std::string canonical_model(const ModelCatalog& catalog, std::string_view model_or_display_name);

std::string lower(std::string_view text);

}  // namespace wx
