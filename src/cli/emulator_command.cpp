// wxphones emulator: serve the Webex API emulator until SIGINT/SIGTERM.
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "wxphones/cli/command.h"
#include "wxphones/emulator/emulator.h"

namespace wx::cli {

namespace {

struct EmulatorArgs {
  std::string listen = "127.0.0.1:0";
  std::string org_file;
  double time_scale = 1.0;
  std::string traffic_file;
  int latency_ms = 0;
  int latency_jitter_ms = 0;
  double rate_limit = -1;                // < 0: the seed's rateLimit
  std::vector<std::string> faults;       // --fault JSON, repeatable
  std::vector<std::string> fault_files;  // --faults FILE (a JSON array)
  std::uint64_t fault_seed = 7;
  bool allow_remote = false;
};

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int run_emulator(const EmulatorArgs& args) {
  auto colon = args.listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "wxphones emulator: --listen must be HOST:PORT\n";
    return 1;
  }
  std::string host = args.listen.substr(0, colon);
  int port = 0;
  try {
    port = std::stoi(args.listen.substr(colon + 1));
  } catch (const std::exception&) {
    std::cerr << "wxphones emulator: bad port in --listen " << args.listen << "\n";
    return 1;
  }
  if (!is_loopback(host) && !args.allow_remote) {
    std::cerr << "wxphones emulator: listening on " << host
              << " exposes the emulator to the network; pass --allow-remote to do it anyway\n";
    return 1;
  }
  emulator::EmulatorOptions options;
  options.seed_path = args.org_file;
  options.time_scale = args.time_scale;
  options.traffic_log_path = args.traffic_file;
  options.latency_ms = args.latency_ms;
  options.latency_jitter_ms = args.latency_jitter_ms;
  if (args.rate_limit >= 0) options.rate_limit_rps = args.rate_limit;
  options.fault_seed = args.fault_seed;
  for (const auto& file : args.fault_files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      std::cerr << "wxphones emulator: cannot read --faults " << file << "\n";
      return 1;
    }
    options.faults.push_back(text.str());
  }
  options.faults.insert(options.faults.end(), args.faults.begin(), args.faults.end());

  // Block the stop signals before the server threads exist, so they all inherit the mask and
  // only sigwait below sees SIGINT/SIGTERM.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  emulator::Emulator emulator(options);
  try {
    emulator.start(host, port);
  } catch (const std::exception& e) {
    std::cerr << "wxphones emulator: " << e.what() << "\n";
    return 1;
  }
  std::cout << "wxphones emulator listening on " << emulator.base_url() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  emulator.stop();
  return 0;
}

}  // namespace

void add_emulator_command(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<EmulatorArgs>();
  auto* cmd = app.add_subcommand("emulator", "Run the local Webex API emulator");
  cmd->add_option("--listen", args->listen, "HOST:PORT to listen on (PORT 0 = any free port)")
      ->capture_default_str();
  cmd->add_option("--org", args->org_file, "YAML seed describing the organisation (docs/emulator.md)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--time-scale", args->time_scale, "Emulated seconds per real second")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--record-traffic", args->traffic_file, "Append every API exchange to FILE (JSON Lines)");
  cmd->add_option("--latency-ms", args->latency_ms, "Delay added to every API request")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--latency-jitter-ms", args->latency_jitter_ms,
                  "A random extra delay of 0..N ms on every API request")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--fault", args->faults,
                  "A fault active from the start, JSON as POST /_emulator/faults takes it (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--faults", args->fault_files, "A JSON file holding an array of faults (repeatable)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--fault-seed", args->fault_seed, "Seed of the fault and jitter draws, so runs repeat")
      ->capture_default_str();
  cmd->add_option("--rate-limit", args->rate_limit,
                  "Requests per second per token (0 = off; default: the seed's)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--allow-remote", args->allow_remote, "Allow listening on a non-loopback address");
  cmd->callback([args, &action] { action = [args] { return run_emulator(*args); }; });
}

}  // namespace wx::cli
