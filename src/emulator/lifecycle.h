#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "emulator/state.h"

namespace wx::emulator {

// The phone lifecycle on the emulated clock. Events are applied lazily: every request first
// calls settle(), which plays the events that fell due since the last one (no timer thread),
// then the progress of device jobs (jobs.h).
// All functions assume the caller holds state.mutex.

void settle(State& state);

// A phone registers: connected, firstSeen/lastSeen set, an activation code marked activated.
void bring_online(State& state, Device& device, std::int64_t at_ms);
void take_offline(State& state, Device& device, const std::string& status = "disconnected");

// The code is entered on a phone with this MAC (generated when absent). The phone then comes
// online after lifecycle.onlineAfterActivation. Returns an error message on failure.
std::optional<std::string> use_activation_code(State& state, ActivationCode& code,
                                               std::optional<std::string> mac, std::int64_t at_ms);

// A MAC no device uses yet (activation-code phones used without an explicit MAC).
std::string unused_mac(State& state);

}  // namespace wx::emulator
