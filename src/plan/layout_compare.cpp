#include "wxphones/plan/layout_compare.h"

#include <algorithm>
#include <tuple>

namespace wx {

namespace {

std::vector<LineKey> normalize_keys(std::vector<LineKey> keys) {
  std::erase_if(keys, [](const LineKey& k) { return k.type == "OPEN"; });
  std::sort(keys.begin(), keys.end(), [](const LineKey& a, const LineKey& b) { return a.index < b.index; });
  return keys;
}

}  // namespace

Layout normalize_layout(Layout layout) {
  if (layout.mode == LayoutMode::Default) {
    layout.line_keys.clear();
    layout.kem_keys.clear();
    layout.kem_module_type.reset();
    return layout;
  }
  layout.line_keys = normalize_keys(std::move(layout.line_keys));
  std::erase_if(layout.kem_keys, [](const KemKey& k) { return k.type == "OPEN"; });
  std::sort(layout.kem_keys.begin(), layout.kem_keys.end(), [](const KemKey& a, const KemKey& b) {
    return std::tie(a.module_index, a.key_index) < std::tie(b.module_index, b.key_index);
  });
  if (layout.kem_keys.empty()) layout.kem_module_type.reset();
  return layout;
}

bool layout_matches(const Layout& desired_in, const Layout& live_in) {
  const Layout desired = normalize_layout(desired_in);
  const Layout live = normalize_layout(live_in);
  if (desired.mode != live.mode) return false;
  if (desired.user_reorder_enabled && desired.user_reorder_enabled != live.user_reorder_enabled) return false;
  return desired.line_keys == live.line_keys && desired.kem_keys == live.kem_keys &&
         desired.kem_module_type == live.kem_module_type;
}

Layout layout_of_template(const LineKeyTemplate& tmpl) {
  Layout layout;
  layout.mode = LayoutMode::Custom;
  layout.user_reorder_enabled = tmpl.user_reorder_enabled;
  layout.line_keys = tmpl.line_keys;
  return layout;
}

bool template_content_matches(const LineKeyTemplate& desired, const LineKeyTemplate& live) {
  if (desired.user_reorder_enabled && desired.user_reorder_enabled != live.user_reorder_enabled) return false;
  return normalize_keys(desired.line_keys) == normalize_keys(live.line_keys);
}

nlohmann::json line_keys_to_json(const std::vector<LineKey>& keys) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : keys) {
    nlohmann::json j = {{"lineKeyIndex", k.index}, {"lineKeyType", k.type}};
    if (k.label) j["lineKeyLabel"] = *k.label;
    if (k.value) j["lineKeyValue"] = *k.value;
    if (k.shared_line_index) j["sharedLineIndex"] = *k.shared_line_index;
    out.push_back(j);
  }
  return out;
}

nlohmann::json layout_to_json(const Layout& layout) {
  nlohmann::json j = {{"layoutMode", layout.mode == LayoutMode::Default ? "DEFAULT" : "CUSTOM"}};
  if (layout.user_reorder_enabled) j["userReorderEnabled"] = *layout.user_reorder_enabled;
  if (layout.mode == LayoutMode::Default) return j;
  j["lineKeys"] = line_keys_to_json(layout.line_keys);
  if (layout.kem_module_type) j["kemModuleType"] = *layout.kem_module_type;
  if (!layout.kem_keys.empty()) {
    nlohmann::json kem = nlohmann::json::array();
    for (const auto& k : layout.kem_keys) {
      nlohmann::json e = {{"kemModuleIndex", k.module_index}, {"kemKeyIndex", k.key_index}, {"kemKeyType", k.type}};
      if (k.label) e["kemKeyLabel"] = *k.label;
      if (k.value) e["kemKeyValue"] = *k.value;
      if (k.shared_line_index) e["sharedLineIndex"] = *k.shared_line_index;
      kem.push_back(e);
    }
    j["kemKeys"] = kem;
  }
  return j;
}

}  // namespace wx
