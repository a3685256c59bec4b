#include "emulator/phoneos.h"

#include "emulator/errors.h"

namespace wx::emulator {

bool require_configurable(Context& ctx, const Device& device) {
  if (device.ever_online || !ctx.state.phone_os(device)) return true;
  const auto& refusal = ctx.state.org.lifecycle.phone_os_config_before_online;
  send_error(ctx.res, refusal.status, refusal.message, refusal.error_code);
  return false;
}

}  // namespace wx::emulator
