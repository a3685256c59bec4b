#pragma once
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace wx::emulator {

// Every non-GET API request, in the order handled: what the client asked, what it was answered,
// and whether the operation ran (an injected fault may answer instead of it, or lose its answer).
// Tests use it to prove that nothing was created twice. Thread-safe.
struct WriteRecord {
  std::string method;
  std::string path;                   // as requested, relative to /v1
  std::string operation;              // the OpenAPI template ("POST /devices")
  int status = 0;                     // what the client was sent (0: the connection was dropped)
  std::optional<int> handled_status;  // what the operation answered; none when it did not run
  std::string fault;                  // the kind of fault that fired, "" for none
  std::int64_t at_ms = 0;             // emulated time
  bool write = true;                  // false for the read-only actions (validateMacs, getSettings...)
  // For a create the operation performed: {"kind": "device", "mac": ..., "id": ...} or
  // {"kind": "lineKeyTemplate", "name": ..., "id": ...}; null otherwise.
  nlohmann::json created;
};

// The created key of a request the operation answered with 2xx, or null: from the request body
// (MAC, template name) and the operation's answer (id).
nlohmann::json created_key(const std::string& operation, const std::string& request_body,
                           const std::string& response_body);

class WriteLog {
 public:
  void record(WriteRecord record);
  void clear();
  // {"items": [{method, path, operation, status, handledStatus, fault, at, write, created?}], "dropped": N}
  nlohmann::json to_json() const;

 private:
  static constexpr std::size_t kMaxRecords = 500000;  // a long demo must not grow without bound
  mutable std::mutex m_mutex;
  std::deque<WriteRecord> m_records;
  long m_dropped = 0;
};

}  // namespace wx::emulator
