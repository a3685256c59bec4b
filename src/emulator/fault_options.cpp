#include "emulator/fault_options.h"

#include <stdexcept>

#include <yaml-cpp/yaml.h>

namespace wx::emulator {

namespace {

// Plain YAML scalars are typed (503 -> number, true -> boolean, 0.05 -> number); quoted ones stay
// strings, so `body: "123"` is the text 123.
nlohmann::json scalar_json(const YAML::Node& node) {
  const std::string text = node.as<std::string>();
  if (node.Tag() != "!") {
    if (text == "true" || text == "false") return text == "true";
    if (text == "null" || text == "~") return nullptr;
    const auto number = nlohmann::json::parse(text, nullptr, false);
    if (number.is_number()) return number;
  }
  return text;
}

nlohmann::json yaml_json(const YAML::Node& node) {
  if (!node || node.IsNull()) return nullptr;
  if (node.IsScalar()) return scalar_json(node);
  if (node.IsSequence()) {
    auto out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(yaml_json(item));
    return out;
  }
  auto out = nlohmann::json::object();
  for (const auto& kv : node) out[kv.first.as<std::string>()] = yaml_json(kv.second);
  return out;
}

std::vector<Fault> parse_list(const nlohmann::json& body, const std::string& what) {
  std::string error;
  auto faults = Fault::list_from_json(body, error);
  if (!faults) throw std::runtime_error(what + ": " + error);
  return *faults;
}

}  // namespace

std::vector<Fault> faults_from_texts(const std::vector<std::string>& texts) {
  std::vector<Fault> out;
  for (const auto& text : texts) {
    const auto body = nlohmann::json::parse(text, nullptr, false);
    const std::string shown = text.size() > 80 ? text.substr(0, 80) + "..." : text;
    if (body.is_discarded()) throw std::runtime_error("fault " + shown + ": not JSON");
    auto faults = parse_list(body, "fault " + shown);
    out.insert(out.end(), faults.begin(), faults.end());
  }
  return out;
}

std::vector<Fault> faults_from_seed(const std::string& yaml_text) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception&) {
    return {};  // the seed loader reports YAML errors with their position
  }
  if (!root.IsMap() || !root["faults"] || root["faults"].IsNull()) return {};
  if (!root["faults"].IsSequence()) throw std::runtime_error("seed: faults must be a list");
  return parse_list(yaml_json(root["faults"]), "seed: faults");
}

}  // namespace wx::emulator
