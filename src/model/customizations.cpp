#include "wxphones/model/customizations.h"

#include "wxphones/util/field_path.h"

namespace wx {

namespace {

void collect_differences(const nlohmann::json& live, const nlohmann::json& declared,
                         const std::string& pointer, nlohmann::json& out) {
  if (declared.is_object()) {
    for (const auto& [key, value] : declared.items()) {
      const nlohmann::json* live_child = nullptr;
      if (live.is_object()) {
        auto it = live.find(key);
        if (it != live.end()) live_child = &*it;
      }
      static const nlohmann::json kNull;
      collect_differences(live_child != nullptr ? *live_child : kNull, value,
                          pointer + "/" + pointer_token(key), out);
    }
    return;
  }
  if (live != declared) out[pointer] = {{"before", live}, {"after", declared}};
}

}  // namespace

std::string customization_family_for_type(const std::string& device_type) {
  if (device_type == "MPP") return "mpp";
  if (device_type == "ATA") return "ata";
  if (device_type == "WIFI") return "wifi";
  return "";
}

nlohmann::json overlay_json(const nlohmann::json& live, const nlohmann::json& declared) {
  if (!declared.is_object() || !live.is_object()) return declared;
  nlohmann::json out = live;
  for (const auto& [key, value] : declared.items()) {
    auto it = out.find(key);
    out[key] = it == out.end() ? value : overlay_json(*it, value);
  }
  return out;
}

nlohmann::json declared_differences(const nlohmann::json& live, const nlohmann::json& declared) {
  nlohmann::json out = nlohmann::json::object();
  if (declared.is_object() && declared.empty()) return out;
  collect_differences(live, declared, "", out);
  return out;
}

}  // namespace wx
