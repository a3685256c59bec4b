#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx::emulator {

// The seed of the fault and jitter draws when none is given: runs repeat by default.
inline constexpr std::uint64_t kDefaultFaultSeed = 7;

// An injected failure, set through POST /_emulator/faults, `--fault`/`--faults` or the seed's
// `faults:` (JSON names in parentheses). It matches an operation template ("operation":
// "/devices/{deviceId}") or a path prefix ("pathPrefix": "/telephony"), optionally one method, and
// fires `count` times (-1 = until cleared), each time with `probability`.
struct Fault {
  std::string operation;
  std::string path_prefix;
  std::string method;  // empty = any
  int status = 0;      // 0 = no status change
  int count = 1;
  double probability = 1.0;        // "probability": 0..1 per matching request (seeded draws)
  std::optional<int> retry_after;  // "retryAfter" seconds -> Retry-After header
  bool empty_body = false;         // "emptyBody"
  bool close_connection = false;   // "closeConnection": drop the connection mid-response
  int delay_ms = 0;                // "delayMs": a slow response
  int jitter_ms = 0;               // "jitterMs": plus a random 0..jitterMs
  bool after_handling = false;     // "afterHandling": the operation runs, then the fault answers
  // Hostile answers (the client must survive them with a clear error).
  std::optional<std::string> body;                           // "body": sent verbatim
  std::string content_type = "application/json";             // "contentType" of `body`
  std::vector<std::pair<std::string, std::string>> headers;  // "headers": set or replaced
  std::size_t huge_body_bytes = 0;                           // "hugeBodyBytes"

  // A fault with only delayMs/jitterMs slows the request down and lets later faults match too.
  bool only_delays() const;
  // Whether the operation still runs: afterHandling, or a fault that only alters the real response
  // (headers, retryAfter). A status, body, hugeBodyBytes or emptyBody answers instead of it.
  bool runs_operation() const;
  // What fired, for the stats: "500", "429", "closeConnection", "body", "hugeBody", "headers", "delay".
  std::string kind() const;

  static std::optional<Fault> from_json(const nlohmann::json& body, std::string& error);
  // One fault object or an array of them (the body of POST /_emulator/faults, `--faults FILE`).
  static std::optional<std::vector<Fault>> list_from_json(const nlohmann::json& body, std::string& error);
  nlohmann::json to_json() const;
};

// What the faults make of one request.
struct FaultDraw {
  int delay_ms = 0;                // from delay-only faults that fired, jitter drawn
  std::optional<Fault> fault;      // the first other fault that fired; its delay_ms includes its jitter
  std::vector<std::string> kinds;  // every fault that fired (Fault::kind), for the stats
};

// The active faults, in the order added. Thread-safe. Every random draw (probability, jitter)
// comes from one generator seeded at start, so a run with the same seed and the same request
// order fires the same faults.
class FaultSet {
 public:
  explicit FaultSet(std::uint64_t seed = kDefaultFaultSeed);
  void reseed(std::uint64_t seed);
  void add(Fault fault);
  void clear();
  // Matches the faults in order; each matching one fires with its probability (a fault that does
  // not fire keeps its count). Counts of the faults that fired are consumed.
  FaultDraw take(std::string_view method, std::string_view path_template, std::string_view path);
  // A uniform draw in [0, max_ms] (0 when max_ms <= 0): the emulator-wide latency jitter.
  int jitter(int max_ms);
  nlohmann::json to_json() const;

 private:
  bool chance(double probability);  // m_mutex held
  int uniform(int max);             // m_mutex held

  mutable std::mutex m_mutex;
  std::vector<Fault> m_faults;
  std::mt19937_64 m_random;
};

}  // namespace wx::emulator
