#include "emulator/fault_response.h"

#include <chrono>
#include <thread>

#include <httplib.h>

#include "emulator/errors.h"

namespace wx::emulator {

namespace {

// Drops the connection after the headers: the client sees a truncated response, as on a reset.
void close_mid_response(httplib::Response& res) {
  res.status = 200;
  res.body.clear();
  res.set_content_provider(64, "application/json",
                           [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
}

void sleep_ms(int ms) {
  if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void set_headers(const Fault& fault, httplib::Response& res) {
  if (fault.retry_after) res.set_header("Retry-After", std::to_string(*fault.retry_after));
  for (const auto& [name, value] : fault.headers) {
    res.headers.erase(name);
    res.set_header(name, value);
  }
}

// A status, a verbatim body, a huge list, an empty body or a Webex error: the whole answer.
void write_answer(const Fault& fault, httplib::Response& res) {
  const int status = fault.status != 0 ? fault.status : 200;
  if (fault.body) {
    res.status = status;
    res.set_content(*fault.body, fault.content_type);
  } else if (fault.huge_body_bytes > 0) {
    res.status = status;
    res.set_content(huge_items_body(fault.huge_body_bytes), "application/json");
  } else if (fault.empty_body || fault.status == 0) {
    res.status = status;
  } else {
    send_error(res, status, reason_phrase(status));
  }
}

}  // namespace

bool connection_dropped(const httplib::Response& res) {
  return static_cast<bool>(res.content_provider_);  // only close_mid_response streams in the emulator
}

std::string huge_items_body(std::size_t bytes) {
  std::string out = "{\"items\":[";
  out.reserve(bytes + 64);
  for (std::size_t i = 0; out.size() + 2 < bytes; ++i) {
    if (i > 0) out += ',';
    out += "{\"id\":\"HUGE" + std::to_string(i) + "\",\"displayName\":\"padding\"}";
  }
  out += "]}";
  return out;
}

std::string padded_body(const std::string& body, std::size_t bytes) {
  if (body.size() >= bytes) return body;
  const auto close = body.find_last_not_of(" \t\r\n");
  if (close != std::string::npos && body[close] == '}') {
    // An object gains one long unknown string field, which a client must ignore.
    const bool empty = body.find_first_not_of(" \t\r\n{") == close;
    std::string out = body.substr(0, close) + (empty ? "" : ",") + "\"padding\":\"";
    if (out.size() + 2 < bytes) out.append(bytes - out.size() - 2, 'x');
    return out + "\"}";
  }
  // Anything else (an array, no body) grows with trailing whitespace, still the same JSON.
  return body + std::string(bytes - body.size(), ' ');
}

bool answer_instead(const Fault& fault, httplib::Response& res) {
  if (fault.runs_operation()) return false;
  sleep_ms(fault.delay_ms);
  if (fault.close_connection) {
    close_mid_response(res);
    return true;
  }
  write_answer(fault, res);
  set_headers(fault, res);
  return true;
}

void alter_response(const Fault& fault, httplib::Response& res) {
  sleep_ms(fault.delay_ms);
  if (fault.close_connection) {
    res.headers.clear();
    close_mid_response(res);
    return;
  }
  if (fault.status != 0 || fault.body) {
    // The real answer is lost; the fault's replaces it.
    res.headers.clear();
    res.body.clear();
    write_answer(fault, res);
  } else if (fault.huge_body_bytes > 0) {
    res.body = padded_body(res.body, fault.huge_body_bytes);
    if (res.get_header_value("Content-Type").empty()) res.set_header("Content-Type", "application/json");
  } else if (fault.empty_body) {
    res.body.clear();
  }
  set_headers(fault, res);
}

}  // namespace wx::emulator
