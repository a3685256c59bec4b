#include "emulator/seed.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "emulator/config_seed.h"
#include "emulator/lifecycle.h"
#include "emulator/settings_seed.h"
#include "wxphones/model/catalog_data.h"
#include "wxphones/util/mac.h"

namespace wx::emulator {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::string str(const YAML::Node& node, const char* key, const std::string& fallback = "") {
  auto v = node[key];
  if (!v || v.IsNull()) return fallback;
  if (!v.IsScalar()) throw SeedError(std::string("seed: '") + key + "' must be a scalar");
  return v.as<std::string>();
}

std::optional<std::int64_t> duration(const YAML::Node& node, const char* key,
                                     std::optional<std::int64_t> fallback) {
  auto v = node[key];
  if (!v) return fallback;
  if (v.IsNull()) return std::nullopt;
  auto text = v.as<std::string>();
  try {
    return parse_duration_ms(text);
  } catch (const SeedError&) {
    throw SeedError(std::string("seed: lifecycle.") + key + ": '" + text + "' is not a duration (e.g. 30s)");
  }
}

void load_lifecycle(Lifecycle& lc, const YAML::Node& node) {
  if (!node || node.IsNull()) return;
  lc.mac_online_after_ms = duration(node, "macOnlineAfter", lc.mac_online_after_ms);
  lc.activation_code_used_after_ms =
      duration(node, "activationCodeUsedAfter", lc.activation_code_used_after_ms);
  if (auto v = duration(node, "onlineAfterActivation", lc.online_after_activation_ms)) {
    lc.online_after_activation_ms = *v;
  }
  if (node["phoneOsWebexAwareAfterOnline"]) {
    lc.phone_os_webex_aware_after_online = node["phoneOsWebexAwareAfterOnline"].as<bool>();
  }
  if (auto refusal = node["phoneOsConfigBeforeOnline"]; refusal && refusal.IsMap()) {
    auto& r = lc.phone_os_config_before_online;
    if (refusal["status"]) r.status = refusal["status"].as<int>();
    if (refusal["errorCode"]) r.error_code = refusal["errorCode"].as<int>();
    r.message = str(refusal, "message", r.message);
    if (r.status < 400 || r.status > 499)
      throw SeedError("seed: phoneOsConfigBeforeOnline.status must be a 4xx");
  }
}

void load_job_timing(JobTiming& t, const YAML::Node& node) {
  if (!node || node.IsNull()) return;
  if (!node.IsMap()) throw SeedError("seed: jobs must be a mapping");
  auto read = [&](const char* key, std::int64_t& field) {
    auto v = node[key];
    if (!v) return;
    std::optional<std::int64_t> ms;
    try {
      ms = parse_duration_ms(v.as<std::string>());
    } catch (const SeedError&) {
    }
    if (!ms) throw SeedError(std::string("seed: jobs.") + key + " must be a duration (e.g. 0.2s)");
    field = *ms;
  };
  read("startDelay", t.start_delay_ms);
  read("durationPerDevice", t.per_device_ms);
  read("minDuration", t.min_duration_ms);
}

nlohmann::json yaml_to_json(const YAML::Node& node) {
  if (!node || node.IsNull()) return nullptr;
  if (node.IsScalar()) return node.as<std::string>();
  if (node.IsSequence()) {
    auto out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(yaml_to_json(item));
    return out;
  }
  auto out = nlohmann::json::object();
  for (const auto& kv : node) out[kv.first.as<std::string>()] = yaml_to_json(kv.second);
  return out;
}

std::string location_uuid(State& state, const YAML::Node& entry, const std::string& what) {
  auto name = str(entry, "location");
  if (name.empty()) {
    if (state.org.locations.empty())
      throw SeedError("seed: " + what + " needs a location and none is defined");
    return state.org.locations.front().uuid;
  }
  auto* location = state.location_by_name(name);
  if (location == nullptr) throw SeedError("seed: " + what + ": unknown location '" + name + "'");
  return location->uuid;
}

void load_catalog(State& state, const YAML::Node& node, const std::string& base_dir) {
  std::string text(embedded::supported_devices_json);
  if (node && !node.IsNull()) {
    std::filesystem::path path = node.as<std::string>();
    if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
    std::ifstream in(path);
    if (!in) throw SeedError("seed: supportedDevices: cannot read " + path.string());
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  auto body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("devices")) {
    throw SeedError("seed: supportedDevices is not a {devices:[...]} JSON body");
  }
  state.org.supported_devices = body;
  state.org.catalog = ModelCatalog::from_supported_devices(body);
}

void load_device(State& state, const YAML::Node& entry, std::int64_t now) {
  Device d;
  d.uuid = state.ids.uuid();
  auto mac_text = str(entry, "mac");
  auto mac = normalize_mac(mac_text);
  if (!mac) throw SeedError("seed: device mac '" + mac_text + "' is not a MAC address");
  if (state.device_by_mac(*mac) != nullptr) throw SeedError("seed: duplicate device mac " + *mac);
  d.mac = *mac;
  const auto* model = state.org.catalog.find(str(entry, "model"));
  if (model == nullptr)
    throw SeedError("seed: device " + d.mac + ": unknown model '" + str(entry, "model") + "'");
  d.model = model->model;
  d.product = model->display_name;
  std::string owner_name;
  if (auto email = str(entry, "person"); !email.empty()) {
    auto* person = state.person_by_email(email);
    if (person == nullptr) throw SeedError("seed: device " + d.mac + ": unknown person '" + email + "'");
    d.person_uuid = person->uuid;
    d.location_uuid = person->location_uuid;
    owner_name = person->display_name;
  } else if (auto name = str(entry, "workspace"); !name.empty()) {
    auto* workspace = state.workspace_by_name(name);
    if (workspace == nullptr) throw SeedError("seed: device " + d.mac + ": unknown workspace '" + name + "'");
    d.workspace_uuid = workspace->uuid;
    d.location_uuid = workspace->location_uuid;
    owner_name = workspace->display_name;
  } else {
    throw SeedError("seed: device " + d.mac + " needs a person or a workspace");
  }
  d.display_name = str(entry, "displayName", owner_name + " (" + d.product + ")");
  if (auto tags = entry["tags"]; tags && tags.IsSequence()) {
    for (const auto& t : tags) d.tags.push_back(t.as<std::string>());
  }
  d.serial = str(entry, "serial", "FCH" + state.ids.digits(8));
  d.software = str(entry, "software");
  d.created_ms = now - 30 * kDayMs;
  auto status = str(entry, "connectionStatus", "connected");
  if (status == "connected" || status == "connected_with_issues") {
    bring_online(state, d, d.created_ms + 3600 * 1000);
    d.last_seen_ms = now;
  }
  d.connection_status = status;
  load_device_settings_seed(state, d, entry);
  load_device_config_seed(state, d, entry);
  state.org.devices.push_back(std::move(d));
}

}  // namespace

std::optional<std::int64_t> parse_duration_ms(const std::string& text) {
  if (text.empty() || text == "null" || text == "~") return std::nullopt;
  std::size_t pos = 0;
  double value = 0;
  try {
    value = std::stod(text, &pos);
  } catch (const std::exception&) {
    throw SeedError("not a duration: " + text);
  }
  auto unit = text.substr(pos);
  double factor = 0;
  if (unit.empty() || unit == "s")
    factor = 1000;
  else if (unit == "ms")
    factor = 1;
  else if (unit == "m")
    factor = 60'000;
  else if (unit == "h")
    factor = 3'600'000;
  if (factor == 0 || value < 0) throw SeedError("not a duration: " + text);
  return static_cast<std::int64_t>(value * factor);
}

void load_seed(State& state, const std::string& yaml_text, const std::string& base_dir) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    throw SeedError(std::string("seed: ") + e.what());
  }
  if (root && !root.IsNull() && !root.IsMap()) throw SeedError("seed: the top level must be a mapping");
  auto& org = state.org;
  const auto now = state.clock.now_ms();
  try {
    org.uuid = state.ids.uuid();
    if (auto o = root["org"]; o && o.IsMap()) {
      org.name = str(o, "name", org.name);
      if (auto id = str(o, "id"); !id.empty()) {
        auto decoded = uuid_of(id, "ORGANIZATION");
        org.uuid = decoded ? *decoded : id;  // a Webex org id or a bare uuid
      }
    }
    if (auto tokens = root["accessTokens"]; tokens && tokens.IsSequence()) {
      for (const auto& t : tokens) org.access_tokens.push_back(t.as<std::string>());
    }
    if (auto oauth = root["oauth"]; oauth && oauth.IsMap()) {
      org.oauth_client = OAuthClient{str(oauth, "clientId"), str(oauth, "clientSecret"), str(oauth, "refreshToken")};
    }
    load_lifecycle(org.lifecycle, root["lifecycle"]);
    load_job_timing(org.job_timing, root["jobs"]);
    if (auto rl = root["rateLimit"]; rl && rl.IsMap()) {
      if (rl["requestsPerSecond"]) org.rate_limit.requests_per_second = rl["requestsPerSecond"].as<double>();
      if (rl["burst"]) org.rate_limit.burst = rl["burst"].as<int>();
    }
    load_catalog(state, root["supportedDevices"], base_dir);
    for (const auto& entry : root["locations"]) {
      Location l;
      l.uuid = state.ids.uuid();
      l.name = str(entry, "name");
      if (l.name.empty()) throw SeedError("seed: a location needs a name");
      if (state.location_by_name(l.name) != nullptr) throw SeedError("seed: duplicate location " + l.name);
      l.time_zone = str(entry, "timeZone", l.time_zone);
      l.preferred_language = str(entry, "preferredLanguage", l.preferred_language);
      l.address = yaml_to_json(entry["address"]);
      org.locations.push_back(std::move(l));
    }
    for (const auto& entry : root["people"]) {
      Person p;
      p.uuid = state.ids.uuid();
      p.email = str(entry, "email");
      if (p.email.empty()) throw SeedError("seed: a person needs an email");
      if (state.person_by_email(p.email) != nullptr) throw SeedError("seed: duplicate person " + p.email);
      p.first_name = str(entry, "firstName");
      p.last_name = str(entry, "lastName");
      auto full = p.first_name + (p.first_name.empty() || p.last_name.empty() ? "" : " ") + p.last_name;
      p.display_name = str(entry, "displayName", full.empty() ? p.email : full);
      p.location_uuid = location_uuid(state, entry, "person " + p.email);
      p.extension = str(entry, "extension");
      p.created_ms = now - 90 * kDayMs;
      org.people.push_back(std::move(p));
    }
    for (const auto& entry : root["workspaces"]) {
      Workspace w;
      w.uuid = state.ids.uuid();
      w.display_name = str(entry, "displayName");
      if (w.display_name.empty()) throw SeedError("seed: a workspace needs a displayName");
      w.location_uuid = location_uuid(state, entry, "workspace " + w.display_name);
      w.created_ms = now - 60 * kDayMs;
      org.workspaces.push_back(std::move(w));
    }
    for (const auto& entry : root["devices"]) load_device(state, entry, now);
    load_settings_seed(state, root);
    load_config_seed(state, root);
  } catch (const YAML::Exception& e) {
    throw SeedError(std::string("seed: ") + e.what());
  }
}

}  // namespace wx::emulator
