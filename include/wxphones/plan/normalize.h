#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "wxphones/model/device_model.h"

namespace wx {

// Normalisers shared by both sides of every comparison: a noisy diff is a normaliser bug.

// Tags compare as a set: sorted, duplicates and empty strings dropped.
std::vector<std::string> normalize_tags(std::vector<std::string> tags);

// Webex IDs are base64 with inconsistent padding; compare without it.
bool same_webex_id(std::string_view a, std::string_view b);
std::string_view without_webex_padding(std::string_view id);

// The API model string for a model name or display name, or the text itself when unknown.
std::string canonical_model(const ModelCatalog& catalog, std::string_view model_or_display_name);

std::string lower(std::string_view text);

}  // namespace wx
