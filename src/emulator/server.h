#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

#include "emulator/faults.h"
#include "emulator/rate_limiter.h"
#include "emulator/router.h"
#include "emulator/state.h"
#include "emulator/stats.h"
#include "emulator/tokens.h"
#include "emulator/traffic_log.h"
#include "emulator/write_log.h"

namespace wx::emulator {

struct ServerOptions {
  int latency_ms = 0;
  int latency_jitter_ms = 0;  // plus a random 0..N ms per API request
  std::uint64_t fault_seed = kDefaultFaultSeed;
  std::vector<Fault> faults;  // active from the start (--fault, --faults, the seed's faults:)
  std::string traffic_log_path;
  double rate_limit_rps = 0;
  int rate_limit_burst = 0;
};

// The HTTP side: every request goes through one pipeline, in this order for /v1 calls:
// latency -> stats -> token check (POST /access_token, the OAuth token endpoint, skips it) -> rate limit -> injected fault -> orgId -> route (under the
// state lock, after settling the lifecycle) -> traffic log. /_emulator/ calls skip all but the route.
class Server {
 public:
  Server(State& state, ServerOptions options);
  ~Server();

  int bind(const std::string& host, int port);  // returns the port; throws std::runtime_error
  void serve();                                 // blocks until stop()
  void stop();
  bool running() const { return m_http.is_running(); }

 private:
  void handle(const httplib::Request& req, httplib::Response& res);
  void handle_api(const httplib::Request& req, httplib::Response& res);
  void handle_control(const httplib::Request& req, httplib::Response& res);
  bool authorized(const httplib::Request& req, std::string& token);
  bool org_accepted(const httplib::Request& req) const;
  void log_exchange(const httplib::Request& req, const httplib::Response& res, const std::string& api_path);
  // The emulator-wide latency with its jitter, then the faults' delays (all outside the state lock).
  void add_latency();
  void record_write(const httplib::Request& req, const httplib::Response& res, const std::string& operation,
                    const std::string& api_path, std::optional<int> handled_status,
                    const std::string& handled_body, const std::string& fault);

  State& m_state;
  ServerOptions m_options;
  Router m_api;
  Router m_control;
  std::atomic<int> m_latency_ms;  // PUT /_emulator/latency changes it while serving (bench)
  std::atomic<int> m_latency_jitter_ms;
  Stats m_stats;
  FaultSet m_faults;
  WriteLog m_writes;
  RateLimiter m_limiter;
  TokenRegistry m_tokens;
  std::unique_ptr<TrafficLog> m_log;
  httplib::Server m_http;
};

}  // namespace wx::emulator
