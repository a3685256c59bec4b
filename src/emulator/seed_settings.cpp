// Seed entries of the settings families (docs/emulator.md, "Device settings"): the top-level
// `settings:` block and, per device, `settings:` and `dynamicSettings:`.
#include <fstream>
#include <sstream>

#include "emulator/device_settings.h"
#include "emulator/dynamic_store.h"
#include "emulator/seed.h"
#include "emulator/settings_seed.h"
#include "wxphones/model/customizations.h"

namespace wx::emulator {

namespace {

// YAML scalars carry no type: plain true/false become booleans and plain numbers numbers (the
// customizations schema wants them typed); quoted scalars stay strings.
nlohmann::json typed_json(const YAML::Node& node) {
  if (!node || node.IsNull()) return nullptr;
  if (node.IsSequence()) {
    auto out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(typed_json(item));
    return out;
  }
  if (node.IsMap()) {
    auto out = nlohmann::json::object();
    for (const auto& kv : node) out[kv.first.as<std::string>()] = typed_json(kv.second);
    return out;
  }
  const auto text = node.as<std::string>();
  if (node.Tag() == "!") return text;  // quoted
  if (text == "true" || text == "false") return text == "true";
  try {
    std::size_t pos = 0;
    const long long i = std::stoll(text, &pos);
    if (pos == text.size()) return i;
    const double d = std::stod(text, &pos);
    if (pos == text.size()) return d;
  } catch (const std::exception&) {
  }
  return text;
}

std::string scalar(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) throw SeedError("seed: " + what + " must be a scalar");
  return node.as<std::string>();
}

// A JSON body given inline (mapping) or as a path to a JSON file (relative to the working directory).
nlohmann::json json_body(const YAML::Node& node, const std::string& what) {
  if (node.IsMap()) return typed_json(node);
  const auto path = scalar(node, what);
  std::ifstream in(path);
  if (!in) throw SeedError("seed: " + what + ": cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto body = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (body.is_discarded() || !body.is_object())
    throw SeedError("seed: " + what + ": " + path + " is not a JSON object");
  return body;
}

nlohmann::json customizations_of(const YAML::Node& node, const std::vector<std::string>& allowed,
                                 const std::string& what) {
  if (!node || node.IsNull()) return nlohmann::json::object();
  auto value = typed_json(node);
  if (auto error = check_customizations(value, allowed)) throw SeedError("seed: " + what + ": " + *error);
  return value;
}

bool flag(const YAML::Node& node, const std::string& what) {
  try {
    return node.as<bool>();
  } catch (const YAML::Exception&) {
    throw SeedError("seed: " + what + " must be true or false");
  }
}

// {FAMILY: {TAG: value}} -> overrides, checked against the schema at `level` (null level = defaults).
void load_dynamic(const State& state, const YAML::Node& node, DynamicValues& out,
                  std::optional<SettingLevel> level, const std::string& what) {
  if (!node || node.IsNull()) return;
  if (!node.IsMap()) throw SeedError("seed: " + what + " must map a family to {TAG: value}");
  for (const auto& family_entry : node) {
    const auto requested = family_entry.first.as<std::string>();
    const auto family = resolve_dynamic_family(state, requested);
    if (family.empty()) throw SeedError("seed: " + what + ": unknown family '" + requested + "'");
    for (const auto& kv : family_entry.second) {
      const auto tag = kv.first.as<std::string>();
      const auto value = scalar(kv.second, what + "." + tag);
      const auto* rule = state.org.settings.schema.find(family, tag);
      std::optional<std::string> error;
      if (level) {
        error = check_dynamic_write(rule, tag, *level, value);
      } else if (rule == nullptr) {
        error = "unknown tag " + tag;
      }
      if (error) throw SeedError("seed: " + what + ": " + *error);
      out[{family, tag}] = value;
    }
  }
}

void load_compression(State& state, const YAML::Node& node) {
  if (!node || node.IsNull()) return;
  auto value_of = [](const YAML::Node& v, const std::string& who) {
    auto text = scalar(v, "settings.compression." + who);
    if (text != "ON" && text != "OFF")
      throw SeedError("seed: settings.compression." + who + " must be ON or OFF");
    return text;
  };
  for (const auto& kv : node["people"]) {
    const auto email = kv.first.as<std::string>();
    const auto* p = state.person_by_email(email);
    if (p == nullptr) throw SeedError("seed: settings.compression.people: unknown person " + email);
    state.org.settings.person_compression[p->uuid] = value_of(kv.second, email);
  }
  for (const auto& kv : node["workspaces"]) {
    const auto name = kv.first.as<std::string>();
    const auto* w = state.workspace_by_name(name);
    if (w == nullptr) throw SeedError("seed: settings.compression.workspaces: unknown workspace " + name);
    state.org.settings.workspace_compression[w->uuid] = value_of(kv.second, name);
  }
}

// Device dynamic values are read before the schema; checked here once it is known.
void check_device_dynamic(const State& state) {
  for (const auto& d : state.org.devices) {
    if (d.settings.dynamic.empty()) continue;
    const auto family = dynamic_family(state, d);
    if (family.empty()) {
      throw SeedError("seed: device " + d.mac + ": dynamicSettings on a model that does not use them (" +
                      d.model + ")");
    }
    for (const auto& [tag, value] : d.settings.dynamic) {
      if (auto error = check_dynamic_write(state.org.settings.schema.find(family, tag), tag,
                                           SettingLevel::Device, value)) {
        throw SeedError("seed: device " + d.mac + ": " + *error);
      }
    }
  }
}

}  // namespace

void load_settings_seed(State& state, const YAML::Node& root) {
  auto& s = state.org.settings;
  const auto node = root["settings"];
  if (node && !node.IsNull() && !node.IsMap()) throw SeedError("seed: settings must be a mapping");
  const bool has = node && node.IsMap();
  const std::vector<std::string> all(std::begin(kCustomizationFamilies), std::end(kCustomizationFamilies));

  s.customizations =
      overlay_json(default_customizations(),
                   has ? customizations_of(node["customizations"], all, "settings.customizations")
                       : nlohmann::json::object());
  try {
    set_validation_schema(state, has && node["validationSchema"]
                                     ? json_body(node["validationSchema"], "settings.validationSchema")
                                     : builtin_validation_schema());
  } catch (const std::invalid_argument& e) {
    throw SeedError(std::string("seed: settings.validationSchema: ") + e.what());
  }
  if (has && node["settingsGroups"])
    s.settings_groups = json_body(node["settingsGroups"], "settings.settingsGroups");
  check_device_dynamic(state);
  if (!has) return;

  load_dynamic(state, node["dynamicDefaults"], s.dynamic_defaults, std::nullopt, "settings.dynamicDefaults");
  load_dynamic(state, node["dynamicSettings"], s.dynamic, SettingLevel::Organization,
               "settings.dynamicSettings");
  for (const auto& kv : node["locations"]) {
    const auto name = kv.first.as<std::string>();
    const auto* location = state.location_by_name(name);
    if (location == nullptr) throw SeedError("seed: settings.locations: unknown location '" + name + "'");
    auto& l = s.locations[location->uuid];
    const auto what = "settings.locations." + name;
    if (kv.second["customEnabled"])
      l.custom_enabled = flag(kv.second["customEnabled"], what + ".customEnabled");
    l.customizations = customizations_of(kv.second["customizations"], all, what + ".customizations");
    load_dynamic(state, kv.second["dynamicSettings"], l.dynamic, SettingLevel::Location,
                 what + ".dynamicSettings");
  }
  load_compression(state, node["compression"]);
}

void load_device_settings_seed(State& state, Device& device, const YAML::Node& entry) {
  const auto what = "device " + device.mac;
  if (auto settings = entry["settings"]; settings && !settings.IsNull()) {
    if (!settings.IsMap())
      throw SeedError("seed: " + what + ": settings must be {customEnabled, customizations}");
    const auto family = customization_family(state, device);
    if (family.empty())
      throw SeedError("seed: " + what + ": the model " + device.model + " has no customizations");
    if (settings["customEnabled"])
      device.settings.custom_enabled = flag(settings["customEnabled"], what + ".customEnabled");
    device.settings.customizations =
        customizations_of(settings["customizations"], {family}, what + ".settings");
  }
  if (auto dynamic = entry["dynamicSettings"]; dynamic && !dynamic.IsNull()) {
    if (!dynamic.IsMap()) throw SeedError("seed: " + what + ": dynamicSettings must be {TAG: value}");
    for (const auto& kv : dynamic)
      device.settings.dynamic[kv.first.as<std::string>()] = scalar(kv.second, what + ".dynamicSettings");
  }
}

}  // namespace wx::emulator
