// POST /messages: enough of the Messaging API for wxphones drift --notify-room.
#include <httplib.h>

#include <memory>

#include "emulator/errors.h"
#include "emulator/messages.h"
#include "emulator/routes.h"
#include "emulator/state.h"

namespace wx::emulator {

namespace {

const nlohmann::json* string_member(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  return it != body.end() && it->is_string() ? &*it : nullptr;
}

void post_message(Context& ctx, MessageLog& log) {
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The request body must be a JSON object.");
    return;
  }
  const auto* room = string_member(*body, "roomId");
  if (room == nullptr || room->get<std::string>().empty()) {
    send_error(ctx.res, 400, "roomId is required (toPersonId/toPersonEmail are not emulated).");
    return;
  }
  const auto* markdown = string_member(*body, "markdown");
  const auto* text = string_member(*body, "text");
  if (markdown == nullptr && text == nullptr) {
    send_error(ctx.res, 400, "One of text or markdown is required.");
    return;
  }
  for (const auto* part : {markdown, text}) {
    if (part != nullptr && part->get<std::string>().size() > kMaxMessageBytes) {
      send_error(ctx.res, 400, "The maximum message length is 7439 bytes.");
      return;
    }
  }
  const std::string created = iso8601(ctx.state.clock.now_ms());
  nlohmann::json message = {
      {"id", make_id("MESSAGE", ctx.state.ids.uuid())},
      {"roomId", *room},
      {"roomType", "group"},
      {"created", created},
  };
  if (text != nullptr) message["text"] = *text;
  if (markdown != nullptr) message["markdown"] = *markdown;
  {
    std::lock_guard lock(log.mutex);
    log.messages.push_back(message);
  }
  ctx.send_json(200, message);
}

}  // namespace

void add_message_routes(Router& api, Router& control) {
  auto log = std::make_shared<MessageLog>();
  api.add("POST", "/messages", [log](Context& ctx) { post_message(ctx, *log); });
  add_message_control_routes(control, log);
}

}  // namespace wx::emulator
