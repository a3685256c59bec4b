#pragma once
// A seed for the device-configuration families: an online and a never-online 8875 (configuration
// service), MPP phones for members and hoteling, one person not eligible for shared lines.
#include <string>

#include "emulator/emulator_fixture.h"

namespace wx::emulator::test {

inline const char* kConfigSeed = R"(
org: {name: Config Org}
accessTokens: [good-token]
lifecycle:
  macOnlineAfter: null
  phoneOsConfigBeforeOnline: {status: 409, errorCode: 4008, message: "not online yet"}
locations: [{name: HQ}, {name: Branch}]
people:
  - {email: alice@acme.example, firstName: Alice, lastName: Adams, location: HQ, extension: "1001", phoneNumber: "+14085550101"}
  - {email: bob@acme.example, firstName: Bob, lastName: Brown, location: HQ, extension: "1002"}
  - {email: carol@acme.example, firstName: Carol, lastName: Clark, location: Branch, extension: "2001"}
  - {email: dave@acme.example, firstName: Dave, lastName: Zed, location: HQ, extension: "1004", sharedLineEligible: false}
workspaces:
  - {displayName: HQ Lobby, location: HQ, extension: "1900"}
  - {displayName: Branch Kitchen, location: Branch}
devices:
  - {mac: "001B54AA0875", model: DMS Cisco 8875, person: alice@acme.example, connectionStatus: connected,
     configurations: {Audio.Ringer.Volume: 9, SystemUnit.Name: "Alice desk"}}
  - {mac: "001B54AA0876", model: DMS Cisco 8875, workspace: HQ Lobby, connectionStatus: disconnected}
  - {mac: "001B54AA7841", model: DMS Cisco 7841, person: bob@acme.example, connectionStatus: connected}
  - {mac: "001B54AA0010", model: DMS Cisco 6841, workspace: Branch Kitchen, hoteling: {enabled: true, guestHoursLimit: 8}}
)";

class ConfigFixture : public Fixture {
 public:
  ConfigFixture() : Fixture(seeded_options(kConfigSeed)) {}

  std::string device_id(const std::string& mac) {
    return get("/devices?mac=" + mac).body["items"][0]["id"].get<std::string>();
  }
  std::string calling_id(const std::string& mac) {
    return get("/devices?mac=" + mac).body["items"][0]["callingDeviceId"].get<std::string>();
  }
  Response patch_config(const std::string& device_id, const nlohmann::json& body) {
    return call("PATCH", "/deviceConfigurations?deviceId=" + device_id, body, "good-token",
                "application/json-patch+json");
  }
};

}  // namespace wx::emulator::test
