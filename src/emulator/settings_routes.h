#pragma once
// The pieces add_settings_routes() (routes_settings.cpp) assembles, one file each.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "emulator/router.h"
#include "emulator/state.h"

namespace wx::emulator {

void add_device_settings_routes(Router& router);   // routes_device_settings.cpp
void add_dynamic_settings_routes(Router& router);  // routes_dynamic_settings.cpp
// settings_jobs.h: add_settings_job_routes

// {compression: ON|OFF}; nullopt when the body is not that (shared with the control API).
std::optional<std::string> parse_compression(const nlohmann::json& body);

// The settings part of GET /_emulator/state: org, locations, compression, dynamic overrides,
// and per device (device_settings_state_json) customizations, dynamic values and counters.
nlohmann::json settings_state_json(const State& state);
nlohmann::json device_settings_state_json(const State& state, const Device& device);

}  // namespace wx::emulator
