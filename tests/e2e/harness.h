#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace e2e {

// The outcome of running the wxphones binary.
struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
  // Resources of the child alone (wait4), for the benchmarks.
  double wall_s = 0;        // steady clock, start to exit
  double cpu_s = 0;         // user + system
  long peak_rss_bytes = 0;  // ru_maxrss
};

// Runs the real binary with arguments and extra environment; waits for it to finish.
Result run_wxphones(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// A wxphones process running in the background (apply that waits while the test acts).
class Background {
 public:
  Background(const std::vector<std::string>& args, const std::map<std::string, std::string>& env);
  ~Background();
  Result wait();  // waits for exit
  std::string out_so_far() const;
  std::string err_so_far() const;
  // Sends `signal` (SIGKILL: an apply dying mid-step, as on a crashed CI runner). wait() still reaps it.
  void kill(int signal);
  int pid() const { return m_pid; }  // -1 once reaped

 private:
  int m_pid = -1;
  std::string m_out_file;
  std::string m_err_file;
  std::chrono::steady_clock::time_point m_start;
};

// How to start the emulator; the benchmarks need it fast, so without the traffic log.
struct EmulatorOptions {
  double time_scale = 60.0;
  bool record_traffic = true;             // append to WX_TRAFFIC_FILE (the e2e conformance check)
  std::vector<std::string> extra_args{};  // more `wxphones emulator` options (--fault JSON...)
};

// The emulator as a child process on an ephemeral port, seeded from a YAML file, recording its
// traffic in WX_TRAFFIC_FILE for the conformance check.
class Emulator {
 public:
  explicit Emulator(const std::string& seed_file, double time_scale = 60.0);
  Emulator(const std::string& seed_file, const EmulatorOptions& options);
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  std::string base_url() const;  // http://127.0.0.1:PORT/v1
  int port() const { return m_port; }
  // The environment wxphones needs to talk to this emulator.
  std::map<std::string, std::string> env() const;

  nlohmann::json get(const std::string& control_path) const;  // /_emulator/...
  nlohmann::json post(const std::string& control_path,
                      const nlohmann::json& body = nlohmann::json::object()) const;
  nlohmann::json patch(const std::string& control_path, const nlohmann::json& body) const;
  nlohmann::json put(const std::string& control_path, const nlohmann::json& body) const;
  nlohmann::json state() const { return get("/_emulator/state"); }
  int total_writes() const;

 private:
  int m_pid = -1;
  int m_port = 0;
  std::string m_out_file;
};

inline constexpr const char* kDemoToken = "wxphones-demo-token";

std::string source_path(const std::string& relative);  // under the repository root
std::string temp_dir();                                // a fresh directory for one test
std::string read_file(const std::string& path);
bool contains(const std::string& text, const std::string& part);

}  // namespace e2e
