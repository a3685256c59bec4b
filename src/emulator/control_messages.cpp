// GET /_emulator/messages: what was posted to spaces, oldest first.
#include "emulator/messages.h"

namespace wx::emulator {

void add_message_control_routes(Router& control, std::shared_ptr<MessageLog> log) {
  control.add("GET", "/_emulator/messages", [log](Context& ctx) {
    nlohmann::json items = nlohmann::json::array();
    {
      std::lock_guard lock(log->mutex);
      for (const auto& m : log->messages) items.push_back(m);
    }
    ctx.send_json(200, {{"items", items}});
  });
}

}  // namespace wx::emulator
