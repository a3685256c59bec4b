#pragma once
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace e2e {

inline const std::string kAcmeSeed = "examples/emulator/acme-org.yaml";
inline const std::string kAcmeManifests = "examples/acme";

// The emulator's view of one device, by normalised MAC; null when absent.
inline nlohmann::json device_by_mac(const nlohmann::json& state, const std::string& mac) {
  for (const auto& d : state["devices"]) {
    if (d.value("mac", "") == mac) return d;
  }
  return nullptr;
}

inline int count_devices(const nlohmann::json& state) {
  return static_cast<int>(state["devices"].size());
}

// Uses every unused activation code, as a person typing it into the phone would.
inline int use_activation_codes(const Emulator& emulator) {
  int used = 0;
  const nlohmann::json state = emulator.state();  // a named value: ranging over a temporary's member dangles
  for (const auto& c : state["activationCodes"]) {
    if (c.value("used", false)) continue;
    emulator.post("/_emulator/activationCodes/" + c["code"].get<std::string>() + "/use");
    ++used;
  }
  return used;
}

// Applies the Acme manifests until converged, using the lobby phone's activation code as soon as
// apply has created it. Returns the apply's result.
inline Result converge_acme(const Emulator& emulator, const std::map<std::string, std::string>& env) {
  Background apply({"apply", kAcmeManifests, "--auto-approve", "--poll-interval-ms", "100"}, env);
  for (int i = 0; i < 200 && use_activation_codes(emulator) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return apply.wait();
}
inline Result converge_acme(const Emulator& emulator) {
  return converge_acme(emulator, emulator.env());
}

// HQ with three online 8851s (one per person), a 9861 and an 8875 for Alice, a lobby workspace's 8851;
// Branch with Dave's 8851. Used by the settings and export tests.
inline std::string settings_org_seed() {
  const std::string path = temp_dir() + "/seed.yaml";
  std::ofstream(path) << R"(org: {name: Acme}
accessTokens: [wxphones-demo-token]
lifecycle: {macOnlineAfter: 30s, activationCodeUsedAfter: null, onlineAfterActivation: 5s}
jobs: {startDelay: 1s, durationPerDevice: 0.2s, minDuration: 3s}
locations: [{name: HQ}, {name: Branch}]
people:
  - {email: alice@acme.example, firstName: Alice, lastName: Adams, location: HQ, extension: "1001"}
  - {email: bob@acme.example, firstName: Bob, lastName: Brown, location: HQ, extension: "1002"}
  - {email: carol@acme.example, firstName: Carol, lastName: Clark, location: HQ, extension: "1003"}
  - {email: dave@acme.example, firstName: Dave, lastName: Davis, location: Branch, extension: "2001"}
workspaces: [{displayName: HQ Lobby, location: HQ}]
devices:
  - {mac: "0A0000000001", model: DMS Cisco 8851, person: alice@acme.example, connectionStatus: connected}
  - {mac: "0A0000000002", model: DMS Cisco 8851, person: bob@acme.example, connectionStatus: connected}
  - {mac: "0A0000000003", model: DMS Cisco 8851, person: carol@acme.example, connectionStatus: connected}
  - {mac: "0A0000000004", model: DMS Cisco 9861, person: alice@acme.example, connectionStatus: connected}
  - {mac: "0A0000000005", model: DMS Cisco 8875, person: alice@acme.example, connectionStatus: connected}
  - {mac: "0A0000000006", model: DMS Cisco 8851, workspace: HQ Lobby, connectionStatus: connected}
  - {mac: "0A0000000007", model: DMS Cisco 8851, person: dave@acme.example, connectionStatus: connected}
)";
  return path;
}

}  // namespace e2e
