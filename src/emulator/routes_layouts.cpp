// GET/PUT /telephony/config/devices/{deviceId}/layout (WEBEX_API §6.7, §11.7).
#include <httplib.h>

#include "emulator/errors.h"
#include "emulator/layout.h"
#include "emulator/phoneos.h"
#include "emulator/routes.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

Device* layout_device(Context& ctx) {
  Device* d = ctx.state.device_by_id(ctx.param("deviceId"));  // DEVICE or CALLING_DEVICE id
  if (d == nullptr) send_error(ctx.res, 404, "Device not found.");
  return d;
}

}  // namespace

bool store_layout(Context& ctx, Device& d) {
  auto body = ctx.json_body();
  if (!body) return false;
  const auto* model = ctx.state.model_of(d);
  if (model == nullptr) {
    send_error(ctx.res, 400, "The model of this device has no layout.");
    return false;
  }
  if (auto error = parse_layout(*body, *model, d.layout)) {
    send_error(ctx.res, 400, *error);
    return false;
  }
  return true;
}

namespace {

void get_layout(Context& ctx) {
  if (const Device* d = layout_device(ctx)) ctx.send_json(200, layout_json(d->layout));
}

void put_layout(Context& ctx) {
  Device* d = layout_device(ctx);
  if (d == nullptr || !require_configurable(ctx, *d)) return;
  if (store_layout(ctx, *d)) ctx.send_no_content();
}

}  // namespace

void add_layout_routes(Router& router) {
  router.add("GET", "/telephony/config/devices/{deviceId}/layout", get_layout);
  router.add("PUT", "/telephony/config/devices/{deviceId}/layout", put_layout);
}

}  // namespace wx::emulator
