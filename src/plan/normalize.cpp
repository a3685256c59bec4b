#include "wxphones/plan/normalize.h"

#include <algorithm>
#include <cctype>

namespace wx {

std::vector<std::string> normalize_tags(std::vector<std::string> tags) {
  std::erase_if(tags, [](const std::string& t) { return t.empty(); });
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

bool has_apply_pending_tag(const std::vector<std::string>& tags) {
  return std::find(tags.begin(), tags.end(), kApplyPendingTag) != tags.end();
}

std::vector<std::string> tags_without_marker(std::vector<std::string> tags) {
  std::erase(tags, std::string(kApplyPendingTag));
  return normalize_tags(std::move(tags));
}

std::string_view without_webex_padding(std::string_view id) {
  while (!id.empty() && id.back() == '=') id.remove_suffix(1);
  return id;
}

bool same_webex_id(std::string_view a, std::string_view b) {
  return !a.empty() && without_webex_padding(a) == without_webex_padding(b);
}

std::string canonical_model(const ModelCatalog& catalog, std::string_view model_or_display_name) {
  if (const auto* m = catalog.find(model_or_display_name)) return m->model;
  return std::string(model_or_display_name);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace wx
