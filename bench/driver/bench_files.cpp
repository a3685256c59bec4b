#include "bench_files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace wx::bench {

namespace {

constexpr const char* kHeader = "apiVersion: wxphones/v1\n";
constexpr const char* kManagedTag = "managed-by-wxphones";

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) {
    throw std::runtime_error("cannot write " + path);
  }
}

std::string owner_yaml(const BenchPhone& p) {
  return p.workspace_owned ? "{workspace: \"" + p.owner + "\"}" : "{person: " + p.owner + "}";
}

std::string phone_yaml(const BenchPhone& p) {
  std::ostringstream y;
  y << "---\n"
    << kHeader << "kind: Phone\nmetadata: {name: " << p.name << "}\nspec:\n"
    << "  model: " << p.model << "\n  mac: \"" << p.mac << "\"\n  owner: " << owner_yaml(p) << "\n"
    << "  tags: [" << kManagedTag << "]\n";
  if (p.layout == LayoutKind::Template) {
    y << "  layout: {template: " << p.template_name << "}\n";
  } else if (p.layout == LayoutKind::Inline) {
    y << "  layout: " << inline_layout_yaml(p) << "\n";
  }
  if (p.member) {
    y << "  members: [{person: " << *p.member << ", lineLabel: Shared}]\n";
  }
  if (p.customizations) {
    y << "  settings: {customizations: {mpp: {backlightTimer: FIVE_MIN}}}\n";
  }
  if (p.dynamic_settings) {
    y << "  dynamicSettings: {\"%SCREEN_BRIGHTNESS%\": \"7\"}\n";
  }
  if (p.configurations) {
    y << "  configurations: {Audio.Ringer.Volume: 9}\n";
  }
  return y.str();
}

}  // namespace

std::string inline_layout_yaml(const BenchPhone& p) {
  return "{layoutMode: CUSTOM, lineKeys: [{lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}, "
         "{lineKeyIndex: 2, lineKeyType: SPEED_DIAL, lineKeyLabel: Desk, lineKeyValue: \"" +
         std::to_string(4000 + p.location) + "\"}]}";
}

void write_seed(const BenchOrg& org, const std::string& path) {
  std::ostringstream y;
  y << "org: {name: Bench}\naccessTokens: [wxphones-demo-token]\n"
    << "lifecycle: {macOnlineAfter: 1s, activationCodeUsedAfter: null}\n"
    << "jobs: {startDelay: 1s, durationPerDevice: 0.2s, minDuration: 3s}\nlocations:\n";
  for (const auto& l : org.locations) {
    y << "  - {name: " << l << ", timeZone: America/New_York}\n";
  }
  y << "people:\n";
  int extension = 100000;
  for (const auto& p : org.phones) {
    if (!p.workspace_owned) {
      y << "  - {email: " << p.owner << ", firstName: User, lastName: \"" << p.name
        << "\", location: " << org.locations[p.location] << ", extension: \"" << extension++ << "\"}\n";
    }
  }
  y << "workspaces:\n";
  for (const auto& p : org.phones) {
    if (p.workspace_owned) {
      y << "  - {displayName: \"" << p.owner << "\", location: " << org.locations[p.location] << "}\n";
    }
  }
  if (org.workspaces == 0) {
    y << "  []\n";
  }
  y << "devices:\n";
  for (const auto& p : org.phones) {
    y << "  - {mac: \"" << p.mac << "\", model: " << p.model << ", "
      << (p.workspace_owned ? "workspace: \"" : "person: ") << p.owner << (p.workspace_owned ? "\"" : "")
      << ", tags: [" << kManagedTag << "], connectionStatus: connected}\n";
  }
  write_file(path, y.str());
}

void write_templates(const BenchOrg& org, const std::string& dir, const Revisions& revisions) {
  std::ostringstream y;
  for (const auto& t : org.templates) {
    std::string label = "Helpdesk";
    if (t.name == "t0" && revisions.template_t0 > 0) {
      label += " r" + std::to_string(revisions.template_t0);
    }
    y << "---\n"
      << kHeader << "kind: LineKeyTemplate\nmetadata: {name: " << t.name << "}\nspec:\n"
      << "  deviceModel: " << t.model << "\n  userReorderEnabled: false\n  lineKeys:\n"
      << "    - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n"
      << "    - {lineKeyIndex: 2, lineKeyType: SPEED_DIAL, lineKeyLabel: \"" << label
      << "\", lineKeyValue: \"5000\"}\n"
      << "    - {lineKeyIndex: 3, lineKeyType: SPEED_DIAL, lineKeyLabel: Security, lineKeyValue: \"5001\"}\n";
  }
  write_file(dir + "/templates.yaml", y.str());
}

void write_settings(const BenchOrg& org, const std::string& dir, const Revisions& revisions) {
  std::ostringstream y;
  y << "---\n"
    << kHeader << "kind: DeviceSettings\nmetadata: {name: org}\nspec:\n  scope: {organization: true}\n"
    << "  customizations: {mpp: {phoneLanguage: ENGLISH_UNITED_KINGDOM}}\n"
    << "  dynamicSettings: {\"Cisco 9800\": {\"%ENABLE_BLUETOOTH%\": \"0\"}}\n";
  for (std::size_t k = 0; k < org.settings_locations.size(); ++k) {
    const std::string& name = org.locations[org.settings_locations[k]];
    const bool changed = k == 0 && revisions.location_value % 2 == 1;
    y << "---\n"
      << kHeader << "kind: DeviceSettings\nmetadata: {name: \"settings-" << name
      << "\"}\nspec:\n  scope: {location: " << name << "}\n"
      << "  customizations: {mpp: {backlightTimer: " << (changed ? "ALWAYS_ON" : "THIRTY_MIN") << "}}\n";
  }
  write_file(dir + "/settings.yaml", y.str());
}

void write_manifests(const BenchOrg& org, const std::string& dir, const Revisions& revisions) {
  write_templates(org, dir, revisions);
  write_settings(org, dir, revisions);
  for (std::size_t l = 0; l < org.locations.size(); ++l) {
    std::string text;
    for (const auto& p : org.phones) {
      if (p.location == static_cast<int>(l)) {
        text += phone_yaml(p);
      }
    }
    if (!text.empty()) {
      char name[64];
      std::snprintf(name, sizeof name, "/phones-%02zu.yaml", l + 1);
      write_file(dir + name, text);
    }
  }
}

}  // namespace wx::bench
