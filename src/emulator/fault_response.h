#pragma once
#include "emulator/faults.h"

namespace httplib {
struct Response;
}

namespace wx::emulator {

// How a fired fault shapes the HTTP answer. Kept apart from the server pipeline so the hostile
// answers (bodies, headers, huge bodies, dropped connections) are one concept.

// Before the operation: writes the fault's answer (after its delay). Returns false when the
// operation must still run (Fault::runs_operation): then call alter_response afterwards.
bool answer_instead(const Fault& fault, httplib::Response& res);

// After the operation: the fault replaces (a status, body, dropped connection) or alters (headers,
// hugeBodyBytes padding, emptyBody) the real response, after its delay.
void alter_response(const Fault& fault, httplib::Response& res);

// Whether the answer is a dropped connection (closeConnection): the client gets no response, so
// the exchange is neither logged as traffic nor given a status in the write log.
bool connection_dropped(const httplib::Response& res);

// {"items":[{"id":"HUGE0",...},...]} of about `bytes` bytes: a list answer too big to be sane.
std::string huge_items_body(std::size_t bytes);
// The real JSON body grown to about `bytes` bytes, still valid JSON of the same shape.
std::string padded_body(const std::string& body, std::size_t bytes);

}  // namespace wx::emulator
