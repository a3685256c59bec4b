#include "wxphones/emulator/emulator.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "emulator/fault_options.h"
#include "emulator/seed.h"
#include "emulator/server.h"

namespace wx::emulator {

struct Emulator::Impl {
  EmulatorOptions options;
  std::unique_ptr<State> state;
  std::unique_ptr<Server> server;
  std::thread thread;
  int port = 0;
};

Emulator::Emulator(EmulatorOptions options) : m_impl(std::make_unique<Impl>()) {
  m_impl->options = std::move(options);
}

Emulator::~Emulator() {
  stop();
}

int Emulator::start(const std::string& host, int port) {
  if (m_impl->server) throw std::runtime_error("emulator already started");
  const auto& o = m_impl->options;
  auto state = std::make_unique<State>(o.time_scale);
  std::string text = o.seed_yaml;
  std::string base_dir = ".";
  if (text.empty() && !o.seed_path.empty()) {
    std::ifstream in(o.seed_path);
    if (!in) throw std::runtime_error("cannot read seed file " + o.seed_path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    base_dir = std::filesystem::path(o.seed_path).parent_path().string();
    if (base_dir.empty()) base_dir = ".";
  }
  load_seed(*state, text, base_dir);

  ServerOptions server_options;
  server_options.latency_ms = o.latency_ms;
  server_options.latency_jitter_ms = o.latency_jitter_ms;
  server_options.fault_seed = o.fault_seed;
  server_options.faults = faults_from_seed(text);
  for (auto& fault : faults_from_texts(o.faults)) server_options.faults.push_back(std::move(fault));
  server_options.traffic_log_path = o.traffic_log_path;
  server_options.rate_limit_rps = o.rate_limit_rps.value_or(state->org.rate_limit.requests_per_second);
  server_options.rate_limit_burst = o.rate_limit_burst.value_or(state->org.rate_limit.burst);
  auto server = std::make_unique<Server>(*state, server_options);
  int bound = server->bind(host, port);
  m_impl->state = std::move(state);
  m_impl->server = std::move(server);
  m_impl->port = bound;
  m_impl->thread = std::thread([server = m_impl->server.get()] { server->serve(); });
  // stop() is only safe once the listener runs; wait for it so start() -> stop() cannot hang.
  for (int i = 0; i < 5000 && !m_impl->server->running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return bound;
}

void Emulator::stop() {
  if (!m_impl || !m_impl->server) return;
  m_impl->server->stop();
  if (m_impl->thread.joinable()) m_impl->thread.join();
  m_impl->server.reset();
  m_impl->state.reset();
}

std::string Emulator::base_url() const {
  return "http://127.0.0.1:" + std::to_string(m_impl->port) + "/v1";
}

int Emulator::port() const {
  return m_impl->port;
}

}  // namespace wx::emulator
