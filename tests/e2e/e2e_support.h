#pragma once
#include <string>

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

}  // namespace e2e
