#pragma once
#include "emulator/router.h"
#include "emulator/state.h"

namespace wx::emulator {

class Stats;
class FaultSet;
class TokenRegistry;

// One function per API family, each in its own routes_<family>.cpp. Paths are the OpenAPI
// templates relative to /v1.
void add_device_routes(Router& router);
void add_telephony_device_routes(Router& router);
void add_people_routes(Router& router);
void add_workspace_routes(Router& router);
void add_location_routes(Router& router);
void add_supported_device_routes(Router& router);
void add_layout_routes(Router& router);
// Validates the request body as a layout for the device's model and stores it; on a bad body it
// answers 400 and returns false. Shared by the API's PUT and the control API's admin edit.
bool store_layout(Context& ctx, Device& device);
void add_line_key_template_routes(Router& router);
void add_device_job_routes(Router& router);
// POST /messages; also registers GET /_emulator/messages on `control`, which shares its log.
void add_message_routes(Router& api, Router& control);

// Settings families (routes_settings.cpp and the files it calls): device/location/org
// customizations, compression, dynamic settings, callDeviceSettings/dynamicDeviceSettings/rebuildPhones
// jobs, applyChanges.
void add_settings_routes(Router& router);
// Device-configuration families (routes_config.cpp and the files it calls): deviceConfigurations,
// members, available members, person/workspace devices and hoteling.
void add_config_routes(Router& router);

// The /_emulator/ control API (paths include the /_emulator prefix).
void add_control_routes(Router& router, Stats& stats, FaultSet& faults);
// /_emulator/tokens: expire or revoke access tokens (routes_oauth.cpp).
void add_token_control_routes(Router& control, TokenRegistry& tokens);
// POST /v1/access_token: the OAuth refresh grant; no bearer token needed.
void answer_token_request(const httplib::Request& req, httplib::Response& res, TokenRegistry& tokens);
void add_settings_control_routes(Router& router);
void add_config_control_routes(Router& router);

}  // namespace wx::emulator
