#pragma once
// What the soak asserts once the runs are over: from wxphones' debug log (retries), the emulator's
// write log (nothing created twice) and its state (every phone and template once).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_org.h"

namespace wx::soak {

// The client's "retry N of M" lines: 5xx and connection failures (backoff), and Retry-After waits.
struct RetryCount {
  int failure_retries = 0;      // "...: retry N of M in X ms"
  int throttle_waits = 0;       // "... waiting X ms as asked (Retry-After), retry N of M"
  int max_failure_attempt = 0;  // the largest N seen
  int max_throttle_attempt = 0;
  std::vector<std::string> over_limit;  // lines whose N exceeds their M
  RetryCount& operator+=(const RetryCount& other);
};
RetryCount count_retries(const std::string& log_text);

struct WriteFindings {
  int requests = 0;         // non-GET requests in the log
  int creates = 0;          // creates the emulator performed (devices, templates)
  int lost_creates = 0;     // performed, but the client was told otherwise (a fault after the operation)
  int refused_creates = 0;  // a create of a key that already existed (409): a repeated POST
  std::vector<std::string> duplicates;  // keys created more than once
  long dropped = 0;                     // the write log overflowed: the check is incomplete
};
WriteFindings check_writes(const nlohmann::json& write_log);

// Problems with the final state: a declared phone missing or present twice, a template missing or
// twice, any MAC twice.
std::vector<std::string> check_state(const nlohmann::json& state, const bench::BenchOrg& org);

// The checks above, fed a log and a state with known faults: a checker that cannot see a
// duplicate would let the soak pass on anything. Returns what the checkers missed.
std::vector<std::string> self_test();

}  // namespace wx::soak
