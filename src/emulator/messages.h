#pragma once
#include <memory>
#include <mutex>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/router.h"

namespace wx::emulator {

// The messages posted to spaces (POST /messages), kept for the control API so tests can see what
// a drift notification said. Owned by the routes that share it, not by State: messages are not
// part of the organisation's seeded data.
struct MessageLog {
  std::mutex mutex;
  std::vector<nlohmann::json> messages;  // the message objects as answered, in posting order
};

// GET /_emulator/messages (control_messages.cpp).
void add_message_control_routes(Router& control, std::shared_ptr<MessageLog> log);

// The spec's limit for text and markdown (webex-messages.yml).
inline constexpr std::size_t kMaxMessageBytes = 7439;

}  // namespace wx::emulator
