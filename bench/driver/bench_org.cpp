#include "bench_org.h"

#include <cstdio>

namespace wx::bench {

namespace {

constexpr int kLocations = 20;
constexpr int kSettingsLocations = 5;

std::string numbered(const char* prefix, int i, int width) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%0*d", prefix, width, i);
  return buf;
}

std::string mac_of(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0B%010X", static_cast<unsigned>(i + 1));
  return buf;
}

// The template a phone of this model uses in its template share: one per model, and a second one for
// the 8851 (a model with two templates, as real orgs have).
std::string template_for(const std::string& model, int k) {
  const auto& models = bench_models();
  for (std::size_t m = 0; m < models.size(); ++m) {
    if (models[m] != model) {
      continue;
    }
    if (model == "DMS Cisco 8851" && k % 2 == 1) {
      return "t9";
    }
    // t0 is the 9861's; the other models take t1..t8 in the order of bench_models().
    int index = 0;
    for (std::size_t o = 0; o < m; ++o) {
      if (models[o] != "DMS Cisco 9861") {
        ++index;
      }
    }
    return model == "DMS Cisco 9861" ? "t0" : "t" + std::to_string(index + 1);
  }
  return "";
}

}  // namespace

const std::vector<std::string>& bench_models() {
  static const std::vector<std::string> models{"DMS Cisco 9841", "DMS Cisco 9851", "DMS Cisco 9861",
                                               "DMS Cisco 9871", "DMS Cisco 8875", "DMS Cisco 8851",
                                               "DMS Cisco 8865", "DMS Cisco 7841", "DMS Cisco 8845"};
  return models;
}

bool is_phone_os_98xx(const std::string& model) {
  return model.rfind("DMS Cisco 98", 0) == 0;
}

bool is_mpp(const std::string& model) {
  return model == "DMS Cisco 8851" || model == "DMS Cisco 8865" || model == "DMS Cisco 7841" ||
         model == "DMS Cisco 8845";
}

int BenchOrg::count_template_users(const std::string& template_name) const {
  int n = 0;
  for (const auto& p : phones) {
    n += p.layout == LayoutKind::Template && p.template_name == template_name ? 1 : 0;
  }
  return n;
}

BenchOrg make_bench_org(int count) {
  BenchOrg org;
  org.phone_count = count;
  for (int l = 0; l < kLocations; ++l) {
    org.locations.push_back(numbered("Site ", l + 1, 2));
  }
  for (int l = 0; l < kSettingsLocations; ++l) {
    org.settings_locations.push_back(l);
  }
  const auto& models = bench_models();
  for (std::size_t m = 0, t = 1; m < models.size(); ++m) {
    if (models[m] == "DMS Cisco 9861") {
      org.templates.insert(org.templates.begin(), {"t0", models[m]});
    } else {
      org.templates.push_back({"t" + std::to_string(t++), models[m]});
    }
  }
  org.templates.push_back({"t9", "DMS Cisco 8851"});

  for (int i = 0; i < count; ++i) {
    BenchPhone p;
    p.name = numbered("phone-", i, 6);
    p.mac = mac_of(i);
    p.model = models[i % models.size()];
    const int j = i / static_cast<int>(models.size());  // index among the phones of this model
    p.workspace_owned = i % 20 == 7;                    // 5%
    p.owner = p.workspace_owned ? numbered("Room ", i, 6) : numbered("user", i, 6) + "@bench.example";
    (p.workspace_owned ? org.workspaces : org.people) += 1;
    p.location = (i / 3) % kLocations;
    // Layouts: every 9861 uses t0; other models: 30% none, 10% inline, 60% a template of the model.
    if (p.model == "DMS Cisco 9861") {
      p.layout = LayoutKind::Template;
    } else if (j % 10 < 3) {
      p.layout = LayoutKind::None;
    } else if (j % 10 == 3) {
      p.layout = LayoutKind::Inline;
    } else {
      p.layout = LayoutKind::Template;
    }
    if (p.layout == LayoutKind::Template) {
      p.template_name = template_for(p.model, j);
    }
    p.customizations = is_mpp(p.model) && j % 10 == 1;
    p.dynamic_settings = is_phone_os_98xx(p.model) && j % 10 == 1;
    p.configurations = p.model == "DMS Cisco 8875" && j % 9 < 4;  // 4/9 of 1/9: ~5% of the phones
    org.phones.push_back(std::move(p));
  }
  // Members: ~10% of the phones share the line of the next person-owned phone's owner.
  for (int i = 5; i < count; i += 10) {
    for (int k = 1; k < count; ++k) {
      const BenchPhone& other = org.phones[(i + k) % count];
      if (!other.workspace_owned && other.owner != org.phones[i].owner) {
        org.phones[i].member = other.owner;
        break;
      }
    }
  }
  return org;
}

}  // namespace wx::bench
