#include "wxphones/plan/plan_file.h"

#include <stdexcept>

#include "wxphones/plan/live_digest.h"
#include "wxphones/plan/render.h"

namespace wx {

nlohmann::json saved_plan_json(const Plan& plan, const LiveState& live, const std::string& manifests_path,
                               const std::string& manifests_digest) {
  nlohmann::json out = plan_to_json(plan);
  out["manifests"] = {{"path", manifests_path}, {"digest", manifests_digest}};
  out["liveObjects"] = live_digests(live);
  return out;
}

SavedPlan read_saved_plan(const nlohmann::json& file) {
  if (!file.is_object() || !file.contains("formatVersion") || !file["formatVersion"].is_string() ||
      !file.contains("steps") || !file.contains("manifests") || !file.contains("liveObjects")) {
    throw std::runtime_error(
        "not a saved wxphones plan (expected the JSON written by `wxphones plan --out FILE`)");
  }
  const std::string version = file["formatVersion"];
  const std::string ours = kPlanFormatVersion;
  if (version.substr(0, version.find('.')) != ours.substr(0, ours.find('.'))) {
    throw std::runtime_error("the plan's format version " + version +
                             " is not readable by this wxphones (format " + ours + "); make the plan again");
  }
  SavedPlan saved;
  saved.plan = file;
  saved.manifests_path = file["manifests"].value("path", "");
  saved.manifests_digest = file["manifests"].value("digest", "");
  for (const auto& [name, digest] : file["liveObjects"].items()) {
    if (digest.is_string()) saved.live_objects[name] = digest.get<std::string>();
  }
  if (saved.manifests_path.empty()) throw std::runtime_error("the saved plan names no manifest directory");
  return saved;
}

std::vector<std::string> stale_objects(const std::map<std::string, std::string>& saved,
                                       const std::map<std::string, std::string>& now) {
  std::vector<std::string> out;
  for (const auto& [name, digest] : saved) {
    auto it = now.find(name);
    if (it == now.end()) {
      out.push_back(name + " (gone)");
    } else if (it->second != digest) {
      out.push_back(name + " (changed)");
    }
  }
  for (const auto& [name, digest] : now) {
    if (!saved.contains(name)) out.push_back(name + " (new)");
  }
  return out;
}

bool same_steps(const nlohmann::json& a, const nlohmann::json& b) {
  return a.value("steps", nlohmann::json::array()) == b.value("steps", nlohmann::json::array());
}

}  // namespace wx
