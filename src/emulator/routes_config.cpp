// Device-configuration families: deviceConfigurations, members, available members, hoteling.
// The person/workspace device listings live in routes_telephony_devices.cpp.
#include "emulator/config_routes.h"
#include "emulator/routes.h"

namespace wx::emulator {

void add_config_routes(Router& router) {
  add_device_configuration_routes(router);
  add_member_routes(router);
  add_hoteling_routes(router);
}

void add_config_control_routes(Router& router) {
  add_config_control_routes_impl(router);
}

}  // namespace wx::emulator
