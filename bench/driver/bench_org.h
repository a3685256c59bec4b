#pragma once
// The benchmark organisation at N phones: who owns which phone and what each phone declares.
// Deterministic (no randomness): the same N gives the same org, files and request counts on every run,
// which is what lets CI check request counts exactly.
#include <optional>
#include <string>
#include <vector>

namespace wx::bench {

enum class LayoutKind { None, Template, Inline };

struct BenchPhone {
  std::string name;  // manifest metadata.name, fixed width so no name is a prefix of another
  std::string mac;   // 12 upper-case hex digits
  std::string model;
  bool workspace_owned = false;
  std::string owner;  // email or workspace display name
  int location = 0;   // index into BenchOrg::locations
  LayoutKind layout = LayoutKind::None;
  std::string template_name;  // LayoutKind::Template
  bool customizations = false;
  bool dynamic_settings = false;
  std::optional<std::string> member;  // another bench person's email
  bool configurations = false;
};

struct BenchTemplate {
  std::string name;
  std::string model;
};

struct BenchOrg {
  int phone_count = 0;
  std::vector<std::string> locations;
  int people = 0;      // one per person-owned phone
  int workspaces = 0;  // one per workspace-owned phone
  std::vector<BenchPhone> phones;
  std::vector<BenchTemplate> templates;  // t0 is for the 9861 and used by every 9861
  std::vector<int> settings_locations;   // locations with a DeviceSettings document
  int count_template_users(const std::string& template_name) const;
};

// The phone models of the mix, each on ~1/9 of the phones (PhoneOS first, then MPP).
const std::vector<std::string>& bench_models();
bool is_phone_os_98xx(const std::string& model);
bool is_mpp(const std::string& model);

BenchOrg make_bench_org(int phones);

}  // namespace wx::bench
