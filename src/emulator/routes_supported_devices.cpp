// /telephony/config/supportedDevices: the seed's catalog (or the built-in one), filtered.
#include <httplib.h>

#include "emulator/errors.h"
#include "emulator/routes.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

void list_supported_devices(Context& ctx) {
  auto type = ctx.query("type");
  bool negate = type && type->rfind("not:", 0) == 0;
  if (negate) type = type->substr(4);
  std::optional<bool> layout;
  if (auto v = ctx.query("allowConfigureLayoutEnabled")) {
    if (*v != "true" && *v != "false") {
      send_error(ctx.res, 400, "allowConfigureLayoutEnabled must be true or false.");
      return;
    }
    layout = *v == "true";
  }
  auto body = ctx.state.org.supported_devices;
  auto devices = nlohmann::json::array();
  for (const auto& entry : body["devices"]) {
    if (type && (entry.value("type", "") == *type) == negate) continue;
    if (layout && entry.value("allowConfigureLayoutEnabled", false) != *layout) continue;
    devices.push_back(entry);
  }
  body["devices"] = devices;
  ctx.send_json(200, body);
}

}  // namespace

void add_supported_device_routes(Router& router) {
  router.add("GET", "/telephony/config/supportedDevices", list_supported_devices);
}

}  // namespace wx::emulator
