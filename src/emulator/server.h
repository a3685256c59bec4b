#pragma once
#include <atomic>
#include <memory>
#include <string>

#include <httplib.h>

#include "emulator/faults.h"
#include "emulator/rate_limiter.h"
#include "emulator/router.h"
#include "emulator/state.h"
#include "emulator/stats.h"
#include "emulator/traffic_log.h"

namespace wx::emulator {

struct ServerOptions {
  int latency_ms = 0;
  std::string traffic_log_path;
  double rate_limit_rps = 0;
  int rate_limit_burst = 0;
};

// The HTTP side: every request goes through one pipeline, in this order for /v1 calls:
// latency -> stats -> token check -> rate limit -> injected fault -> orgId -> route (under the
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
  bool authorized(const httplib::Request& req, std::string& token) const;
  bool org_accepted(const httplib::Request& req) const;
  void log_exchange(const httplib::Request& req, const httplib::Response& res, const std::string& api_path);
  // Writes the fault's answer into res; false when the fault is only a delay.
  bool answer_with_fault(const Fault& fault, httplib::Response& res);

  State& m_state;
  ServerOptions m_options;
  Router m_api;
  Router m_control;
  std::atomic<int> m_latency_ms;  // PUT /_emulator/latency changes it while serving (bench)
  Stats m_stats;
  FaultSet m_faults;
  RateLimiter m_limiter;
  std::unique_ptr<TrafficLog> m_log;
  httplib::Server m_http;
};

}  // namespace wx::emulator
