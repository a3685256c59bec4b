#pragma once
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wx::emulator {

// One API exchange as the conformance harness reads it (JSON Lines):
// {"method","path" (no /v1, no query),"query":[[k,v]...],"requestContentType","requestBody",
//  "status","responseContentType","responseBody"}; bodies are JSON when they parse, null when
// empty, a string otherwise. Authorization headers are never written.
struct Exchange {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  std::string request_content_type;
  std::string request_body;
  int status = 0;
  std::string response_content_type;
  std::string response_body;
};

// Appends one line per exchange and flushes it, so a crashed run still leaves a usable log.
class TrafficLog {
 public:
  explicit TrafficLog(const std::string& path);  // throws std::runtime_error when it cannot open
  void write(const Exchange& exchange);

 private:
  std::mutex m_mutex;
  std::ofstream m_out;
};

}  // namespace wx::emulator
