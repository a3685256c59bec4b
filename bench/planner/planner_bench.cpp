// The planner alone: make_plan on N phones built in memory (no network, no YAML), the way the CLI
// calls it after the live read. Prints one JSON line for the bench driver:
// {"phones", "drifted", "wall_s", "cpu_s", "peak_rss_bytes", "rss_before_plan_bytes", "steps"}.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/builders.h"  // the unit tests' builders of desired and live values
#include "wxphones/plan/planner.h"

namespace {

using namespace wx;
using wx::test::key;

constexpr int kLocations = 20;
constexpr const char* kModels[] = {"DMS Cisco 9841", "DMS Cisco 9851", "DMS Cisco 9861",
                                   "DMS Cisco 9871", "DMS Cisco 8875", "DMS Cisco 8851",
                                   "DMS Cisco 8865", "DMS Cisco 7841", "DMS Cisco 8845"};
constexpr int kModelCount = sizeof(kModels) / sizeof(kModels[0]);
constexpr int kTemplates = 10;  // one per model, and a second for the first model

// Spreads the mix over models and locations (a multiplicative hash, deterministic).
std::uint64_t spread(int i) {
  std::uint64_t z = static_cast<std::uint64_t>(i) + 0x9E3779B97F4A7C15ull;  // splitmix64
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

bool phone_os(int model) {
  return model < 5;
}

std::string mac_of(int i) {
  char buf[13];
  std::snprintf(buf, sizeof buf, "0C11%08X", static_cast<unsigned>(i));
  return buf;
}

std::string email_of(int i) {
  return "p" + std::to_string(i) + "@bench.example";
}

Layout template_layout(int t) {
  Layout layout;
  layout.mode = LayoutMode::Custom;
  layout.line_keys = {key(1, "PRIMARY_LINE"), key(2, "SPEED_DIAL", "Desk " + std::to_string(t), "4100"),
                      key(3, "SPEED_DIAL", "Help", "5000"), key(4, "OPEN")};
  return layout;
}

LineKeyTemplate template_of(int t) {
  LineKeyTemplate tmpl;
  tmpl.template_name = "t" + std::to_string(t);
  tmpl.device_model = kModels[t % kModelCount];
  tmpl.line_keys = template_layout(t).line_keys;
  return tmpl;
}

struct Inputs {
  DesiredState desired;
  LiveState live;
  int drifted = 0;
};

// The driver's mix: 30% no layout, 10% inline layouts, the rest a template of their model; 10% of
// MPP phones with customizations, 10% of PhoneOS phones with dynamic settings. `drift_every`-th
// managed layout differs live.
Inputs build(int phones, int drift_every) {
  Inputs in;
  in.live.catalog = ModelCatalog::builtin();
  for (int l = 0; l < kLocations; ++l) {
    in.live.locations.push_back({"LOC-" + std::to_string(l), "L" + std::to_string(l)});
  }
  for (int t = 0; t < kTemplates; ++t) {
    DesiredTemplate d;
    d.name = "t" + std::to_string(t);
    d.spec = template_of(t);
    in.desired.templates.push_back(d);
    LineKeyTemplate live = template_of(t);
    live.id = "TMPL-" + std::to_string(t);
    live.details_loaded = true;
    in.live.templates.push_back(live);
  }
  in.desired.phones.reserve(phones);
  in.live.devices.reserve(phones);
  for (int i = 0; i < phones; ++i) {
    const int model = i % kModelCount;
    const std::string location_id = "LOC-" + std::to_string(i % kLocations);
    DesiredPhone p;
    p.name = "phone-" + std::to_string(i);
    p.model = kModels[model];
    p.mac = mac_of(i);
    p.owner = {OwnerRef::Kind::Person, email_of(i), {}};
    p.tags = std::vector<std::string>{"managed-by-wxphones"};
    LiveDevice d;
    d.id = "DEV-" + std::to_string(i);
    d.calling_device_id = d.id;
    d.mac = *p.mac;
    d.model = p.model;
    d.person_id = "PERSON-" + std::to_string(i);
    d.location_id = location_id;
    d.connection_status = "connected";
    d.tags = *p.tags;
    in.live.people[email_of(i)] = {d.person_id, email_of(i), "Person " + std::to_string(i), location_id};

    const int mix = static_cast<int>(spread(i) % 10);
    if (mix >= 3) {
      PhoneLayout layout;
      Layout wanted;
      if (mix == 3) {
        wanted = template_layout(100 + i % 7);
        layout.inline_layout = wanted;
      } else {
        const int t = model;  // t9 is the second template of model 0, used by no phone
        layout.template_ref = "t" + std::to_string(t);
        wanted = template_layout(t);
      }
      p.layout = layout;
      Layout live_layout = wanted;
      if (drift_every > 0 && spread(i + phones) % drift_every == 0) {
        live_layout.line_keys[1].label = "Changed in Control Hub";
        ++in.drifted;
      }
      in.live.layouts[d.id] = live_layout;
    }
    if (mix == 1 && !phone_os(model)) {
      PhoneSettingsSpec settings;
      settings.customizations = {{"mpp", {{"backlightTimer", "FIVE_MIN"}}}};
      p.settings = settings;
      ScopeCustomizations live;
      live.custom_enabled = true;
      live.customizations = {
          {"mpp", {{"backlightTimer", "FIVE_MIN"}, {"phoneLanguage", "ENGLISH_UNITED_STATES"}}}};
      in.live.device_customizations[d.id] = live;
    }
    if (mix == 2 && phone_os(model) && model != 4) {
      p.dynamic_settings["%SCREEN_BRIGHTNESS%"] = "7";
      in.live.device_dynamic[d.id] = {DynamicSetting{"", "%SCREEN_BRIGHTNESS%", "7", "5", "SYSTEM_DEFAULT"}};
    }
    in.desired.phones.push_back(std::move(p));
    in.live.devices.push_back(std::move(d));
  }
  return in;
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long current_rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) * 1024;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int phones = 100000;
  int drift_every = 10;  // 10% of the managed layouts differ
  bool list_steps = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--phones") {
      phones = std::stoi(argv[i + 1]);
    } else if (flag == "--list-steps") {
      list_steps = std::string(argv[i + 1]) == "yes";
    } else if (flag == "--drift-every") {
      drift_every = std::stoi(argv[i + 1]);
    } else {
      std::cerr << "usage: planner_bench [--phones N] [--drift-every K (0 = no drift)] [--list-steps yes]\n";
      return 1;
    }
  }
  Inputs in = build(phones, drift_every);
  const long rss_before = current_rss_bytes();
  const double cpu_before = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  Plan plan = make_plan(in.desired, in.live);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu_before;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  if (list_steps) {
    for (const auto& step : plan.steps) std::cerr << step.id << ": " << step.reason << "\n";
  }
  std::size_t errors = 0;
  for (const auto& d : plan.diagnostics) errors += d.severity == Severity::Error ? 1 : 0;
  std::cout << nlohmann::json{{"phones", phones},
                              {"drifted", in.drifted},
                              {"wall_s", wall},
                              {"cpu_s", cpu},
                              {"peak_rss_bytes", static_cast<long>(usage.ru_maxrss) * 1024},
                              {"rss_before_plan_bytes", rss_before},
                              {"steps", plan.steps.size()},
                              {"errors", errors}}
                   .dump()
            << "\n";
  return errors == 0 ? 0 : 2;
}
