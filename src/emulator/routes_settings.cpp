// The settings families (WEBEX_API §6.5, §6.6, §6.10, §6.11, §8): one entry point for server.cpp.
#include "emulator/routes.h"
#include "emulator/settings_jobs.h"
#include "emulator/settings_routes.h"

namespace wx::emulator {

void add_settings_routes(Router& router) {
  add_device_settings_routes(router);
  add_dynamic_settings_routes(router);
  add_settings_job_routes(router);
}

}  // namespace wx::emulator
