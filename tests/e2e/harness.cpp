#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <httplib.h>

extern char** environ;

namespace e2e {

namespace {

std::atomic<int> g_counter{0};

int spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& extra_env,
          const std::string& out_file, const std::string& err_file) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (name == "WEBEX_ACCESS_TOKEN" || name == "WEBEX_API_BASE_URL" || extra_env.contains(name)) continue;
    env_strings.push_back(entry);
  }
  for (const auto& [name, value] : extra_env) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_strings{WX_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv_strings[0]);
  return pid;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

int wait_exit(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return exit_code_of(status);
}

double seconds_of(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

httplib::Client client_for(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);
  return client;
}

nlohmann::json parse_body(const httplib::Result& res, const std::string& what) {
  if (!res) throw std::runtime_error(what + ": no response from the emulator");
  if (res->status >= 300)
    throw std::runtime_error(what + ": status " + std::to_string(res->status) + " " + res->body);
  if (res->body.empty()) return nlohmann::json::object();
  return nlohmann::json::parse(res->body);
}

}  // namespace

std::string source_path(const std::string& relative) {
  return std::string(WX_SOURCE_DIR) + "/" + relative;
}

std::string temp_dir() {
  auto dir = std::filesystem::temp_directory_path() /
             ("wxphones-e2e-" + std::to_string(getpid()) + "-" + std::to_string(g_counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Result run_wxphones(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  Background process(args, env);
  return process.wait();
}

Background::Background(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  const std::string dir = temp_dir();
  m_out_file = dir + "/stdout";
  m_err_file = dir + "/stderr";
  m_start = std::chrono::steady_clock::now();
  m_pid = spawn(args, env, m_out_file, m_err_file);
}

Background::~Background() {
  if (m_pid > 0) {
    ::kill(m_pid, SIGKILL);
    wait_exit(m_pid);
  }
}

Result Background::wait() {
  Result r;
  int status = 0;
  rusage usage{};
  wait4(m_pid, &status, 0, &usage);
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
  r.exit_code = exit_code_of(status);
  r.cpu_s = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  r.peak_rss_bytes = usage.ru_maxrss * 1024L;  // Linux reports KiB
  m_pid = -1;
  r.out = read_file(m_out_file);
  r.err = read_file(m_err_file);
  return r;
}

std::string Background::out_so_far() const {
  return read_file(m_out_file);
}

std::string Background::err_so_far() const {
  return read_file(m_err_file);
}

void Background::kill(int signal) {
  if (m_pid > 0) {
    ::kill(m_pid, signal);
  }
}

Emulator::Emulator(const std::string& seed_file, double time_scale)
    : Emulator(seed_file, EmulatorOptions{time_scale, true}) {}

Emulator::Emulator(const std::string& seed_file, const EmulatorOptions& options) {
  const std::string dir = temp_dir();
  m_out_file = dir + "/stdout";
  std::ostringstream scale;
  scale << options.time_scale;
  std::vector<std::string> args{"emulator", "--listen",     "127.0.0.1:0", "--org",
                                seed_file,  "--time-scale", scale.str()};
  if (options.record_traffic) {
    // All emulators of the run append to one log, checked by the e2e_conformance test.
    std::filesystem::create_directories(std::filesystem::path(WX_TRAFFIC_FILE).parent_path());
    args.insert(args.end(), {"--record-traffic", WX_TRAFFIC_FILE});
  }
  args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
  m_pid = spawn(args, {}, m_out_file, dir + "/stderr");
  // The first stdout line names the port.
  for (int i = 0; i < 200 && m_port == 0; ++i) {
    const std::string out = read_file(m_out_file);
    const auto at = out.find("http://127.0.0.1:");
    if (at != std::string::npos && out.find('\n', at) != std::string::npos) {
      m_port = std::atoi(out.c_str() + at + std::string("http://127.0.0.1:").size());
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  if (m_port == 0) {
    kill(m_pid, SIGKILL);
    wait_exit(m_pid);
    throw std::runtime_error("the emulator did not start: " + read_file(dir + "/stderr"));
  }
}

Emulator::~Emulator() {
  kill(m_pid, SIGTERM);
  wait_exit(m_pid);
}

std::string Emulator::base_url() const {
  return "http://127.0.0.1:" + std::to_string(m_port) + "/v1";
}

std::map<std::string, std::string> Emulator::env() const {
  return {{"WEBEX_ACCESS_TOKEN", kDemoToken}, {"WEBEX_API_BASE_URL", base_url()}, {"NO_COLOR", "1"}};
}

nlohmann::json Emulator::get(const std::string& path) const {
  auto client = client_for(m_port);
  return parse_body(client.Get(path.c_str()), "GET " + path);
}

nlohmann::json Emulator::post(const std::string& path, const nlohmann::json& body) const {
  auto client = client_for(m_port);
  return parse_body(client.Post(path.c_str(), body.dump(), "application/json"), "POST " + path);
}

nlohmann::json Emulator::patch(const std::string& path, const nlohmann::json& body) const {
  auto client = client_for(m_port);
  return parse_body(client.Patch(path.c_str(), body.dump(), "application/json"), "PATCH " + path);
}

nlohmann::json Emulator::put(const std::string& path, const nlohmann::json& body) const {
  auto client = client_for(m_port);
  return parse_body(client.Put(path.c_str(), body.dump(), "application/json"), "PUT " + path);
}

int Emulator::total_writes() const {
  return get("/_emulator/stats").value("totalWrites", -1);
}

}  // namespace e2e
