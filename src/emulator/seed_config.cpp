// Seed entries of the device-configuration families (docs/emulator-config.md):
// per device `configurations`, `members`, `hoteling`; per person/workspace `sharedLineEligible`,
// `phoneNumber`, `extension` (workspaces), `hoteling` (their own phones).
#include "emulator/config_seed.h"

#include <set>

#include "emulator/device_configurations.h"
#include "emulator/hoteling.h"
#include "emulator/members.h"
#include "emulator/seed.h"

namespace wx::emulator {

namespace {

std::string scalar(const YAML::Node& node) {
  if (!node.IsScalar()) throw SeedError("a scalar was expected");
  return node.as<std::string>();
}

// YAML scalars are untyped: the field's expected type decides.
nlohmann::json typed(const YAML::Node& node, const std::string& field, const std::string& what) {
  static const std::set<std::string> kInts = {"port", "lineWeight", "guestHoursLimit"};
  static const std::set<std::string> kBools = {
      "hotlineEnabled", "allowCallDeclineEnabled", "t38FaxCompressionEnabled", "primaryOwner", "enabled",
      "limitGuestUse"};
  if (node.IsNull()) return nullptr;
  try {
    if (kInts.count(field)) return node.as<int>();
    if (kBools.count(field)) return node.as<bool>();
    return scalar(node);
  } catch (const std::exception&) {
    throw SeedError("seed: " + what + ": " + field + " has the wrong type");
  }
}

nlohmann::json flat_object(const YAML::Node& node, const std::string& what) {
  if (!node.IsMap()) throw SeedError("seed: " + what + " must be a mapping");
  auto out = nlohmann::json::object();
  for (const auto& kv : node) {
    auto field = kv.first.as<std::string>();
    out[field] = typed(kv.second, field, what);
  }
  return out;
}

void load_configurations(State& state, Device& device, const YAML::Node& node, const std::string& what) {
  if (!node.IsMap()) throw SeedError("seed: " + what + ": configurations must be a mapping KEY: value");
  if (!uses_configuration_service(state, device)) {
    throw SeedError("seed: " + what + ": " + device.model + " does not use the configuration service");
  }
  const auto& catalog = config_catalog();
  for (const auto& kv : node) {
    auto key = kv.first.as<std::string>();
    auto it = catalog.find(key);
    if (it == catalog.end()) throw SeedError("seed: " + what + ": unknown configuration key '" + key + "'");
    nlohmann::json value = kv.second.IsNull() ? nlohmann::json(nullptr) : nlohmann::json(scalar(kv.second));
    value = coerce_to_value_space(it->second.value_space, value);
    if (value.is_null()) continue;
    if (auto error = check_configuration(key, value, true)) throw SeedError("seed: " + what + ": " + *error);
    device.config.configured[key] = value;
  }
}

void load_members(State& state, Device& device, const YAML::Node& node, const std::string& what) {
  if (!node.IsSequence()) throw SeedError("seed: " + what + ": members must be a list");
  auto list = nlohmann::json::array();
  for (const auto& entry : node) {
    if (!entry.IsMap()) throw SeedError("seed: " + what + ": a member must be a mapping");
    nlohmann::json member = nlohmann::json::object();
    for (const auto& kv : entry) {
      auto field = kv.first.as<std::string>();
      if (field == "person") {
        auto email = scalar(kv.second);
        const Person* p = state.person_by_email(email);
        if (p == nullptr) throw SeedError("seed: " + what + ": member: unknown person '" + email + "'");
        member["id"] = make_id("PEOPLE", p->uuid);
      } else if (field == "workspace") {
        auto name = scalar(kv.second);
        const Workspace* w = state.workspace_by_name(name);
        if (w == nullptr) throw SeedError("seed: " + what + ": member: unknown workspace '" + name + "'");
        member["id"] = make_id("PLACE", w->uuid);
      } else {
        member[field] = typed(kv.second, field, what + " member");
      }
    }
    if (!member.contains("id")) throw SeedError("seed: " + what + ": a member needs a person or a workspace");
    list.push_back(std::move(member));
  }
  std::vector<MemberLine> lines;
  if (auto error = parse_members(state, device, {{"members", list}}, false, lines)) {
    throw SeedError("seed: " + what + ": " + *error);
  }
  device.config.members = std::move(lines);
}

void load_hoteling(Hoteling& h, const YAML::Node& node, const std::string& what) {
  if (auto error = parse_hoteling(flat_object(node, what + " hoteling"), h, false)) {
    throw SeedError("seed: " + what + ": hoteling: " + *error);
  }
}

void load_owner_extras(State& state, const YAML::Node& entry, const std::string& uuid, bool is_person,
                       const std::string& what) {
  auto& extra = state.org.config.extras[uuid];
  if (auto v = entry["sharedLineEligible"]) {
    try {
      extra.shared_line_eligible = v.as<bool>();
    } catch (const YAML::Exception&) {
      throw SeedError("seed: " + what + ": sharedLineEligible must be true or false");
    }
  }
  if (auto v = entry["phoneNumber"]; v && !v.IsNull()) extra.phone_number = scalar(v);
  if (auto v = entry["extension"]; !is_person && v && !v.IsNull()) extra.extension = scalar(v);
  if (auto v = entry["hoteling"]; v && !v.IsNull()) {
    for (auto& d : state.org.devices) {
      if ((is_person ? d.person_uuid : d.workspace_uuid) == uuid) load_hoteling(d.hoteling, v, what);
    }
  }
}

}  // namespace

void load_device_config_seed(State& state, Device& device, const YAML::Node& entry) {
  const std::string what = "device " + device.mac;
  if (auto v = entry["configurations"]; v && !v.IsNull()) load_configurations(state, device, v, what);
  if (auto v = entry["members"]; v && !v.IsNull()) load_members(state, device, v, what);
  if (auto v = entry["hoteling"]; v && !v.IsNull()) load_hoteling(device.hoteling, v, what);
}

void load_config_seed(State& state, const YAML::Node& root) {
  for (const auto& entry : root["people"]) {
    auto email = entry["email"] ? entry["email"].as<std::string>() : std::string();
    if (const Person* p = state.person_by_email(email))
      load_owner_extras(state, entry, p->uuid, true, "person " + email);
  }
  for (const auto& entry : root["workspaces"]) {
    auto name = entry["displayName"] ? entry["displayName"].as<std::string>() : std::string();
    if (const Workspace* w = state.workspace_by_name(name)) {
      load_owner_extras(state, entry, w->uuid, false, "workspace " + name);
    }
  }
}

}  // namespace wx::emulator
