#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wx::emulator {

// How to run an emulator. The seed describes the organisation (docs/emulator.md); the other
// fields are the run-time knobs that tests and the CLI set.
struct EmulatorOptions {
  std::string seed_path;         // YAML seed file; used when seed_yaml is empty
  std::string seed_yaml;         // seed text, for in-process tests
  double time_scale = 1.0;       // emulated seconds per real second (lifecycle delays)
  std::string traffic_log_path;  // JSON Lines, one line per API exchange; empty = off
  int latency_ms = 0;            // added to every API request
  int latency_jitter_ms = 0;     // plus a random 0..N ms per API request
  // Seeds every random draw of faults and jitter, so a run repeats (docs/emulator.md "Faults").
  std::uint64_t fault_seed = 7;
  // Faults active from the start: JSON texts, each a fault object or an array, as POST
  // /_emulator/faults takes them. Added after the seed's own `faults:`.
  std::vector<std::string> faults;
  // Token bucket per access token; overrides the seed's rateLimit when set. 0 = off.
  std::optional<double> rate_limit_rps;
  std::optional<int> rate_limit_burst;
};

// A Webex API emulator serving http://HOST:PORT/v1 from an in-memory organisation, plus a
// control API under /_emulator/. Usable in-process: start() returns once the port is bound.
class Emulator {
 public:
  explicit Emulator(EmulatorOptions options);
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Loads the seed and starts serving on a background thread. Port 0 = ephemeral.
  // Returns the bound port; throws std::runtime_error on a bad seed or when binding fails.
  int start(const std::string& host, int port);
  void stop();  // idempotent; also done by the destructor

  // http://127.0.0.1:PORT/v1 (the loopback form even when bound to another address).
  std::string base_url() const;
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace wx::emulator
