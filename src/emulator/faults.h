#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx::emulator {

// An injected failure, set through POST /_emulator/faults (JSON names in parentheses):
// it matches an operation template ("operation": "/devices/{deviceId}") or a path prefix
// ("pathPrefix": "/telephony"), optionally one method, and fires `count` times (-1 = until cleared).
struct Fault {
  std::string operation;
  std::string path_prefix;
  std::string method;  // empty = any
  int status = 0;      // 0 = no status change (a pure delay)
  int count = 1;
  std::optional<int> retry_after;  // "retryAfter" seconds -> Retry-After header
  bool empty_body = false;         // "emptyBody"
  bool close_connection = false;   // "closeConnection": drop the connection mid-response
  int delay_ms = 0;                // "delayMs": a slow response
  bool after_handling = false;     // "afterHandling": the operation runs, then the fault answers

  static std::optional<Fault> from_json(const nlohmann::json& body, std::string& error);
  nlohmann::json to_json() const;
};

class FaultSet {
 public:
  void add(Fault fault);
  void clear();
  // The first fault matching this request, with its count consumed.
  std::optional<Fault> take(std::string_view method, std::string_view path_template, std::string_view path);
  nlohmann::json to_json() const;

 private:
  mutable std::mutex m_mutex;
  std::vector<Fault> m_faults;
};

}  // namespace wx::emulator
