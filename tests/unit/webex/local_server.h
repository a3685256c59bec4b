#pragma once
// Test helpers for the webex module: a real cpp-httplib server on an ephemeral loopback port, a client
// configuration pointing at it, and a capture of spdlog output.
#include <httplib.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "wxphones/webex/client_config.h"

namespace wx::webex_test {

inline constexpr const char* kTestToken = "tok-SECRET-9f8e7d6c5b4a39281706";

class LocalServer {
 public:
  httplib::Server server;

  LocalServer() {
    server.set_keep_alive_timeout(1);
    server.set_tcp_nodelay(true);  // else Nagle + delayed ACK add 40 ms to each keep-alive response
  }
  ~LocalServer() { stop(); }

  // Call after registering handlers.
  void start() {
    m_port = server.bind_to_any_port("127.0.0.1");
    if (m_port <= 0) {
      throw std::runtime_error("cannot bind a loopback port");
    }
    m_thread = std::thread([this] { server.listen_after_bind(); });
    // stop() before the accept loop runs would be lost, and join() would wait forever.
    while (!server.is_running()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  void stop() {
    if (m_thread.joinable()) {
      server.stop();
      m_thread.join();
    }
  }
  int port() const { return m_port; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  std::string base_url() const { return origin() + "/v1"; }

  ClientConfig config() const {
    ClientConfig c;
    c.base_url = base_url();
    c.access_token = kTestToken;
    c.backoff_base = std::chrono::milliseconds(1);
    c.backoff_cap = std::chrono::milliseconds(5);
    c.retry_after_unit = std::chrono::milliseconds(1);
    c.timeout = std::chrono::seconds(10);
    return c;
  }

 private:
  int m_port = 0;
  std::thread m_thread;
};

// Sends everything spdlog logs (all levels) to a string while alive.
class LogCapture {
 public:
  LogCapture() : m_previous(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(m_stream);
    auto logger = std::make_shared<spdlog::logger>("capture", sink);
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(m_previous); }
  std::string text() {
    spdlog::default_logger()->flush();
    return m_stream.str();
  }

 private:
  std::ostringstream m_stream;
  std::shared_ptr<spdlog::logger> m_previous;
};

}  // namespace wx::webex_test
