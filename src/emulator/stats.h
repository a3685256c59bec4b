#pragma once
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace wx::emulator {

// Whether an operation changes state. POST/PUT/PATCH/DELETE are writes, except the read-only
// actions listed in one table in stats.cpp (validateMacs, getSettings, preview...).
bool is_write(std::string_view method, std::string_view path_template);

// Requests per operation ("GET /devices"), for tests that assert on access patterns (how many
// calls a plan costs). Control API calls are never counted. Thread-safe.
class Stats {
 public:
  void record(std::string_view method, std::string_view path_template);
  // An injected fault fired (Fault::kind: "503", "closeConnection", "delay"...).
  void record_fault(std::string_view kind);
  void reset();
  // {"requests": {...}, "reads": {...}, "writes": {...}, "totalRequests": N, "totalWrites": M,
  //  "faultsFired": {"503": n, ...}, "totalFaultsFired": F}
  nlohmann::json to_json() const;

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, long> m_requests;
  std::map<std::string, long> m_reads;
  std::map<std::string, long> m_writes;
  std::map<std::string, long> m_faults;
  long m_total = 0;
  long m_total_writes = 0;
  long m_total_faults = 0;
};

}  // namespace wx::emulator
