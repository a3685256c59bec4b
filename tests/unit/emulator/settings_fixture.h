#pragma once
// A seed and helpers shared by the device settings, dynamic settings and settings job tests.
#include <string>

#include "emulator/emulator_fixture.h"

namespace wx::emulator::test {

// HQ: two 8851s (bob's carries its own customizations), a 9861 online, a 9861 never online.
// Branch: a 7841. Jobs: STARTING for 1 s, then at least 4 s (emulated).
inline const char* kSettingsSeed = R"(
org: {name: Settings Org}
accessTokens: [good-token]
lifecycle:
  macOnlineAfter: null
  activationCodeUsedAfter: null
  phoneOsConfigBeforeOnline: {status: 409, errorCode: 4008, message: "not online yet"}
jobs: {startDelay: 1s, durationPerDevice: 1s, minDuration: 4s}
locations: [{name: HQ}, {name: Branch}]
people:
  - {email: alice@acme.example, firstName: Alice, location: HQ}
  - {email: bob@acme.example, firstName: Bob, location: HQ}
  - {email: carol@acme.example, firstName: Carol, location: Branch}
  - {email: erin@acme.example, firstName: Erin, location: HQ}
  - {email: fred@acme.example, firstName: Fred, location: HQ}
workspaces:
  - {displayName: HQ Lobby, location: HQ}
devices:
  - {mac: "001B54AA0001", model: DMS Cisco 8851, person: alice@acme.example, connectionStatus: connected}
  - {mac: "001B54AA0002", model: DMS Cisco 8851, person: bob@acme.example, connectionStatus: connected,
     settings: {customEnabled: true, customizations: {mpp: {phoneLanguage: FRENCH_FRANCE}}}}
  - {mac: "001B54AA0003", model: DMS Cisco 7841, person: carol@acme.example, connectionStatus: connected}
  - {mac: "001B54AA0004", model: DMS Cisco 9861, person: erin@acme.example, connectionStatus: connected,
     dynamicSettings: {"%SCREEN_BRIGHTNESS%": "8"}}
  - {mac: "001B54AA0005", model: DMS Cisco 9861, person: fred@acme.example, connectionStatus: disconnected}
settings:
  dynamicDefaults: {"Cisco 9800": {"%SCREEN_TIMEOUT%": "15"}}
)";

class SettingsFixture : public Fixture {
 public:
  SettingsFixture() : Fixture(seeded_options(kSettingsSeed)) {}

  std::string device_id(const std::string& mac) {
    return get("/devices?mac=" + mac).body["items"][0]["id"].get<std::string>();
  }
  std::string location_id(const std::string& name) {
    return get("/locations?name=" + name).body["items"][0]["id"].get<std::string>();
  }
  nlohmann::json device_state(const std::string& mac) {
    const auto state = control("GET", "/_emulator/state").body;
    for (const auto& d : state["devices"]) {
      if (d["mac"] == mac) return d;
    }
    return nullptr;
  }
  std::string job_path(const std::string& family, const Response& posted) {
    return "/telephony/config/jobs/devices/" + family + "/" + posted.body["id"].get<std::string>();
  }
};

}  // namespace wx::emulator::test
