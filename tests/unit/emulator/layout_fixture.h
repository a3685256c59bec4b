#pragma once
// A seed and helpers shared by the layout, line key template and device job tests.
#include <string>

#include "emulator/emulator_fixture.h"

namespace wx::emulator::test {

// Three 8851s (KEM_14/18, 2 modules), a 7841 (no KEM) and a PhoneOS 9861 that was never online.
// Jobs: STARTING for 1 s, then 1 s per device, at least 4 s (emulated).
inline const char* kLayoutSeed = R"(
org: {name: Layout Org}
accessTokens: [good-token]
lifecycle:
  macOnlineAfter: 30s
  activationCodeUsedAfter: null
  phoneOsConfigBeforeOnline: {status: 409, errorCode: 4008, message: "not online yet"}
jobs: {startDelay: 1s, durationPerDevice: 1s, minDuration: 4s}
locations: [{name: HQ}, {name: Branch}]
people:
  - {email: alice@acme.example, firstName: Alice, location: HQ}
  - {email: bob@acme.example, firstName: Bob, location: HQ}
  - {email: carol@acme.example, firstName: Carol, location: Branch}
  - {email: dave@acme.example, firstName: Dave, location: Branch}
  - {email: erin@acme.example, firstName: Erin, location: HQ}
devices:
  - {mac: "001B54AA0001", model: DMS Cisco 8851, person: alice@acme.example, tags: [sales], connectionStatus: connected}
  - {mac: "001B54AA0002", model: Cisco 8851, person: bob@acme.example, tags: [sales, admin], connectionStatus: connected}
  - {mac: "001B54AA0003", model: DMS Cisco 8851, person: carol@acme.example, tags: [sales], connectionStatus: connected}
  - {mac: "001B54AA0004", model: DMS Cisco 7841, person: dave@acme.example, connectionStatus: connected}
  - {mac: "001B54AA0005", model: DMS Cisco 9861, person: erin@acme.example, connectionStatus: disconnected}
)";

inline nlohmann::json key(int index, const std::string& type) {
  return {{"lineKeyIndex", index}, {"lineKeyType", type}};
}

inline nlohmann::json speed_dial(int index, const std::string& label, const std::string& value) {
  return {{"lineKeyIndex", index},
          {"lineKeyType", "SPEED_DIAL"},
          {"lineKeyLabel", label},
          {"lineKeyValue", value}};
}

inline nlohmann::json kem(int module, int index, const std::string& type) {
  return {{"kemModuleIndex", module}, {"kemKeyIndex", index}, {"kemKeyType", type}};
}

class LayoutFixture : public Fixture {
 public:
  LayoutFixture() : Fixture(Fixture::seeded(kLayoutSeed)) {}

  // DEVICE id by MAC (the 9861 is visible in /devices: phoneOsWebexAwareAfterOnline is off).
  std::string device_id(const std::string& mac) {
    return get("/devices?mac=" + mac).body["items"][0]["id"].get<std::string>();
  }
  std::string calling_id(const std::string& mac) {
    return get("/devices?mac=" + mac).body["items"][0]["callingDeviceId"].get<std::string>();
  }
  Response layout(const std::string& mac) {
    return get("/telephony/config/devices/" + device_id(mac) + "/layout");
  }
  Response put_layout(const std::string& mac, const nlohmann::json& body) {
    return call("PUT", "/telephony/config/devices/" + device_id(mac) + "/layout", body);
  }
  std::string create_template(const std::string& name, const std::string& model, const nlohmann::json& keys,
                              bool reorder = true) {
    auto r = call("POST", "/telephony/config/devices/lineKeyTemplates",
                  {{"templateName", name},
                   {"deviceModel", model},
                   {"userReorderEnabled", reorder},
                   {"lineKeys", keys}});
    return r.status == 201 ? r.body["id"].get<std::string>() : std::string();
  }
};

}  // namespace wx::emulator::test
