#include "emulator/lifecycle.h"

#include "emulator/jobs.h"
#include "wxphones/util/mac.h"

namespace wx::emulator {

void bring_online(State& state, Device& device, std::int64_t at_ms) {
  device.connection_status = "connected";
  device.ever_online = true;
  if (!device.first_seen_ms) device.first_seen_ms = at_ms;
  device.last_seen_ms = at_ms;
  if (device.ip.empty()) {
    auto n = state.org.devices.size() + static_cast<std::size_t>(at_ms % 200);
    device.ip = "10.20." + std::to_string(n / 250 % 250) + "." + std::to_string(n % 250 + 2);
  }
  if (device.activation_state == "activating") device.activation_state = "activated";
  device.online_at_ms.reset();
  device.code_use_at_ms.reset();
}

void take_offline(State& state, Device& device, const std::string& status) {
  device.connection_status = status;
  device.online_at_ms.reset();
  if (device.ever_online) device.last_seen_ms = state.clock.now_ms();
}

std::string unused_mac(State& state) {
  for (;;) {
    // 0xDEAD prefix, like the test MACs of WEBEX_API §10, so they are recognisable.
    std::string mac = "DEAD" + state.ids.digits(8);
    if (state.device_by_mac(mac) == nullptr) return mac;
  }
}

std::optional<std::string> use_activation_code(State& state, ActivationCode& code,
                                               std::optional<std::string> mac, std::int64_t at_ms) {
  if (code.used) return "The activation code has already been used.";
  if (at_ms > code.expiry_ms) return "The activation code has expired.";
  Device* device = state.device_by_uuid(code.device_uuid);
  if (device == nullptr) return "The device of this activation code no longer exists.";
  std::string normalized;
  if (mac) {
    auto n = normalize_mac(*mac);
    if (!n) return "Invalid MAC address.";
    normalized = *n;
    const Device* other = state.device_by_mac(normalized);
    if (other != nullptr && other != device) return "MAC Address is in use.";
  } else {
    normalized = unused_mac(state);
  }
  code.used = true;
  device->mac = normalized;
  device->activation_state = "activated";
  device->code_use_at_ms.reset();
  device->online_at_ms = at_ms + state.org.lifecycle.online_after_activation_ms;
  return std::nullopt;
}

void settle(State& state) {
  const auto now = state.clock.now_ms();
  for (auto& device : state.org.devices) {
    if (device.code_use_at_ms && *device.code_use_at_ms <= now) {
      auto at = *device.code_use_at_ms;
      device.code_use_at_ms.reset();
      if (auto* code = state.activation_code(device.activation_code)) {
        use_activation_code(state, *code, std::nullopt, at);
      }
    }
    if (device.online_at_ms && *device.online_at_ms <= now) bring_online(state, device, *device.online_at_ms);
  }
  settle_jobs(state);
}

}  // namespace wx::emulator
