#pragma once
// The device-configuration families, registered by add_config_routes (routes_config.cpp).
#include "emulator/router.h"

namespace wx::emulator {

void add_device_configuration_routes(Router& router);  // routes_device_configurations.cpp
void add_member_routes(Router& router);                // routes_members.cpp
void add_hoteling_routes(Router& router);              // routes_hoteling.cpp
void add_config_control_routes_impl(Router& router);   // control_config.cpp

}  // namespace wx::emulator
