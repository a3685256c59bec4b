#include "live/settings_reader.h"

#include <functional>
#include <mutex>
#include <set>

#include "wxphones/model/customizations.h"
#include "wxphones/plan/normalize.h"
#include "wxphones/plan/owner_resolution.h"
#include "wxphones/util/parallel.h"
#include "wxphones/webex/api_error.h"

namespace wx {

namespace {

// A phone that cannot answer yet (never online, not Webex-aware) reads as "nothing set": 4xx only.
template <typename Fn>
void tolerate_not_ready(Fn fn) {
  try {
    fn();
  } catch (const ApiError& e) {
    if (e.status() < 400 || e.status() >= 500 || e.status() == 401 || e.status() == 403) throw;
  }
}

const DeviceModel* model_of(const LiveState& live, const LiveDevice& d) {
  const DeviceModel* m = live.catalog.find(d.model);
  return m != nullptr ? m : live.catalog.find(d.product);
}

std::string calling_id(const LiveDevice& d) {
  return d.calling_device_id.empty() ? d.id : d.calling_device_id;
}

// What the phones of one owner set declare, merged over that owner's phones.
struct DeclaredAspects {
  bool members = false;
  bool customizations = false;
  std::set<std::string> dynamic_tags;
  std::set<std::string> configuration_keys;
  std::set<std::string> member_names;  // search terms for available members
};

class SettingsReader {
 public:
  SettingsReader(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options, LiveState& live)
      : m_desired(desired), m_api(api), m_options(options), m_live(live) {}

  void run() {
    read_dynamic_schema();
    read_phones();
    read_scopes();
  }

 private:
  void run_all(std::vector<std::function<void()>>& reads) {
    parallel_for(reads.size(), m_options.parallelism, [&](std::size_t i) { reads[i](); });
    reads.clear();
  }

  void read_dynamic_schema() {
    std::set<std::string> families;
    for (const auto& phone : m_desired.phones) {
      if (phone.dynamic_settings.empty()) continue;
      if (const auto* model = ModelCatalog::builtin().find(phone.model))
        families.insert(model->family_display_name);
      if (const auto* model = m_live.catalog.find(phone.model)) families.insert(model->family_display_name);
    }
    for (const auto& doc : m_desired.scope_settings) {
      for (const auto& [family, tags] : doc.dynamic_settings) families.insert(family);
    }
    std::vector<std::function<void()>> reads;
    for (const auto& family : families) {
      reads.push_back([this, family] {
        auto schema = m_api.get_dynamic_settings_schema(family);
        std::lock_guard lock(m_mutex);
        for (const auto& rule : schema.rules()) m_live.dynamic_schema.add(rule);
      });
    }
    run_all(reads);
  }

  void read_phones() {
    // owner id (without base64 padding, so both forms meet) -> aspects
    std::map<std::string, DeclaredAspects, std::less<>> by_owner;
    for (const auto& phone : m_desired.phones) {
      Diagnostics reported_by_the_planner;
      auto owner = resolve_owner(phone, m_live, reported_by_the_planner);
      if (!owner) continue;
      auto& aspects = by_owner[std::string(without_webex_padding(owner->id()))];
      if (phone.members) {
        aspects.members = true;
        for (const auto& m : *phone.members) {
          aspects.member_names.insert(m.member.name);
        }
      }
      aspects.customizations |= phone.settings.has_value();
      for (const auto& [tag, value] : phone.dynamic_settings) aspects.dynamic_tags.insert(tag);
      for (const auto& [key, value] : phone.configurations) aspects.configuration_keys.insert(key);
    }
    std::vector<std::function<void()>> reads;
    for (const auto& d : m_live.devices) {
      const DeclaredAspects* aspects = nullptr;
      for (const auto& id : {d.person_id, d.workspace_id}) {
        if (id.empty()) continue;
        if (auto it = by_owner.find(without_webex_padding(id)); it != by_owner.end()) aspects = &it->second;
      }
      const DeviceModel* model = model_of(m_live, d);
      if (aspects == nullptr || model == nullptr) continue;
      if (aspects->members) add_member_reads(d, *aspects, reads);
      if (aspects->customizations && model->settings_family == SettingsFamily::CallingCustomizations) {
        reads.push_back([this, &d, model] {
          tolerate_not_ready([&] {
            auto settings = m_api.get_device_customizations(calling_id(d), model->model);
            std::lock_guard lock(m_mutex);
            m_live.device_customizations[d.id] = std::move(settings);
          });
        });
      }
      // All of the phone's values in one read: the plan mentions the ones nobody declared.
      if (!aspects->dynamic_tags.empty() && model->settings_family == SettingsFamily::DynamicSettings) {
        reads.push_back([this, &d] { read_device_dynamic(d, {}); });
      }
      if (!aspects->configuration_keys.empty() &&
          model->settings_family == SettingsFamily::DeviceConfigurations && !d.webex_device_id.empty()) {
        reads.push_back([this, &d] {
          tolerate_not_ready([&] {
            auto values = m_api.get_device_configurations(d.webex_device_id, {});
            std::lock_guard lock(m_mutex);
            m_live.device_configurations[d.id] = std::move(values);
          });
        });
      }
    }
    run_all(reads);
  }

  void add_member_reads(const LiveDevice& d, const DeclaredAspects& aspects,
                        std::vector<std::function<void()>>& reads) {
    reads.push_back([this, &d, &aspects] {
      tolerate_not_ready([&] {
        auto members = m_api.get_device_members(calling_id(d));
        std::map<std::string, bool> available;
        for (const auto& m : members.members) available[m.id] = true;  // already on the phone
        for (const auto& name : aspects.member_names) {
          // One already on the phone needs no search: a no-op plan reads only the members list.
          if (const std::string id = id_of_reference(name); !id.empty() && available.contains(id)) continue;
          for (const auto& a : m_api.search_available_members(calling_id(d), display_term(name))) {
            available[a.id] = true;
          }
        }
        // Everyone searched for and not found cannot be placed on this phone.
        for (const auto& name : aspects.member_names) {
          const std::string id = id_of_reference(name);
          if (!id.empty()) available.emplace(id, false);
        }
        std::lock_guard lock(m_mutex);
        m_live.device_members[d.id] = std::move(members);
        m_live.member_available[d.id] = std::move(available);
      });
    });
  }

  // member_names holds emails (people) or workspace names; search by the last word of the display name.
  std::string display_term(const std::string& reference) const {
    std::string display = reference;
    if (auto it = m_live.people.find(lower(reference)); it != m_live.people.end())
      display = it->second.display_name;
    auto space = display.find_last_of(' ');
    return space == std::string::npos ? display : display.substr(space + 1);
  }

  std::string id_of_reference(const std::string& reference) const {
    if (auto it = m_live.people.find(lower(reference)); it != m_live.people.end()) return it->second.id;
    if (auto it = m_live.workspaces.find(reference); it != m_live.workspaces.end()) return it->second.id;
    return "";
  }

  void read_device_dynamic(const LiveDevice& d, const std::vector<std::string>& tags) {
    tolerate_not_ready([&] {
      auto values = m_api.get_device_dynamic_settings(calling_id(d), tags);
      std::lock_guard lock(m_mutex);
      m_live.device_dynamic[d.id] = std::move(values);
    });
  }

  // --- organization and location scopes --------------------------------------------------------
  void read_scopes() {
    std::vector<std::function<void()>> reads;
    std::set<std::string> customization_scopes;                   // location ids, "" = organization
    std::map<std::string, std::set<std::string>> dynamic_scopes;  // location id -> families
    for (const auto& doc : m_desired.scope_settings) {
      std::string location_id;
      if (doc.scope.kind == SettingsScope::Kind::Location) {
        const auto* location = m_live.location_by_name(doc.scope.name);
        if (location == nullptr) continue;  // the planner reports it
        location_id = location->id;
      } else if (doc.scope.kind != SettingsScope::Kind::Organization) {
        read_compression(doc, reads);
        continue;
      }
      const bool customizations =
          (doc.customizations.is_object() && !doc.customizations.empty()) || doc.custom_enabled.has_value();
      if (customizations) customization_scopes.insert(location_id);
      for (const auto& [family, tags] : doc.dynamic_settings) dynamic_scopes[location_id].insert(family);
    }
    for (const auto& location_id : customization_scopes) {
      reads.push_back([this, location_id] {
        auto settings = location_id.empty() ? m_api.get_org_customizations()
                                            : m_api.get_location_customizations(location_id);
        std::lock_guard lock(m_mutex);
        if (location_id.empty()) {
          m_live.org_customizations = std::move(settings);
        } else {
          m_live.location_customizations[location_id] = std::move(settings);
        }
      });
    }
    for (const auto& [location_id, families] : dynamic_scopes) {
      for (const auto& family : families) {
        // Clang < 16 cannot capture a structured binding: copy it into an init-capture.
        reads.push_back([this, location_id = location_id, family] {
          auto values = location_id.empty() ? m_api.get_org_dynamic_settings(family, {})
                                            : m_api.get_location_dynamic_settings(location_id, family, {});
          std::lock_guard lock(m_mutex);
          if (location_id.empty()) {
            m_live.org_dynamic[family] = std::move(values);
          } else {
            m_live.location_dynamic[{location_id, family}] = std::move(values);
          }
        });
      }
    }
    run_all(reads);
    read_scope_phones();
  }

  void read_compression(const DesiredScopeSettings& doc, std::vector<std::function<void()>>& reads) {
    if (!doc.compression) return;
    const bool person = doc.scope.kind == SettingsScope::Kind::Person;
    const std::string id = person ? id_of_person(doc.scope.name) : id_of_workspace(doc.scope.name);
    if (id.empty()) return;
    reads.push_back([this, id, person] {
      auto settings = person ? m_api.get_person_device_settings(id) : m_api.get_workspace_device_settings(id);
      std::lock_guard lock(m_mutex);
      (person ? m_live.person_device_settings : m_live.workspace_device_settings)[id] = std::move(settings);
    });
  }

  std::string id_of_person(const std::string& email) const {
    auto it = m_live.people.find(lower(email));
    return it == m_live.people.end() ? "" : it->second.id;
  }
  std::string id_of_workspace(const std::string& name) const {
    auto it = m_live.workspaces.find(name);
    return it == m_live.workspaces.end() ? "" : it->second.id;
  }

  // Which declared scope settings differ from live, so their jobs' reach matters.
  void read_scope_phones() {
    struct ScopeNeed {
      bool customizations = false;
      std::set<std::string> tags;  // declared tags whose scope value differs
    };
    std::map<std::string, ScopeNeed> needs;  // location id ("" = org)
    for (const auto& doc : m_desired.scope_settings) {
      if (doc.scope.kind != SettingsScope::Kind::Organization &&
          doc.scope.kind != SettingsScope::Kind::Location)
        continue;
      std::string location_id;
      if (doc.scope.kind == SettingsScope::Kind::Location) {
        const auto* location = m_live.location_by_name(doc.scope.name);
        if (location == nullptr) continue;
        location_id = location->id;
      }
      const ScopeCustomizations* live =
          location_id.empty() ? (m_live.org_customizations ? &*m_live.org_customizations : nullptr)
                              : find(m_live.location_customizations, location_id);
      if (live != nullptr && doc.customizations.is_object() && !doc.customizations.empty() &&
          !declared_differences(live->customizations, doc.customizations).empty()) {
        needs[location_id].customizations = true;
      }
      for (const auto& [family, tags] : doc.dynamic_settings) {
        const auto* live_tags = location_id.empty()
                                    ? find(m_live.org_dynamic, family)
                                    : find(m_live.location_dynamic, std::make_pair(location_id, family));
        for (const auto& [tag, value] : tags) {
          std::optional<std::string> current;
          if (live_tags != nullptr) {
            for (const auto& t : *live_tags) {
              if (t.tag == tag) current = t.value;
            }
          }
          if (current != value) needs[location_id].tags.insert(tag);
        }
      }
    }
    if (needs.empty()) return;
    std::vector<std::function<void()>> reads;
    for (const auto& [location_id, need] : needs) {
      if (!need.customizations && need.tags.empty()) continue;
      DeviceQuery query;
      query.location_id = location_id;
      query.type = "phone";
      auto devices = m_api.list_devices(query);
      if (location_id.empty() && need.customizations) {
        for (const auto& l : m_live.locations) {
          if (m_live.location_customizations.contains(l.id)) continue;
          reads.push_back([this, id = l.id] {
            auto settings = m_api.get_location_customizations(id);
            std::lock_guard lock(m_mutex);
            m_live.location_customizations.emplace(id, std::move(settings));
          });
        }
      }
      auto& scope = m_live.scope_devices[location_id];
      scope = std::move(devices);
      std::vector<std::string> tags(need.tags.begin(), need.tags.end());
      for (const auto& d : scope) {
        const DeviceModel* model = model_of(m_live, d);
        if (model == nullptr) continue;
        if (need.customizations && model->settings_family == SettingsFamily::CallingCustomizations &&
            !m_live.device_customizations.contains(d.id)) {
          reads.push_back([this, &d, model] {
            tolerate_not_ready([&] {
              auto settings = m_api.get_device_customizations(calling_id(d), model->model);
              std::lock_guard lock(m_mutex);
              m_live.device_customizations.emplace(d.id, std::move(settings));
            });
          });
        }
        if (!tags.empty() && model->settings_family == SettingsFamily::DynamicSettings &&
            !m_live.device_dynamic.contains(d.id)) {
          reads.push_back([this, &d, tags] { read_device_dynamic(d, tags); });
        }
      }
    }
    run_all(reads);
  }

  template <typename Map, typename Key>
  static const typename Map::mapped_type* find(const Map& map, const Key& key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
  }

  const DesiredState& m_desired;
  WebexApi& m_api;
  const LiveReadOptions& m_options;
  LiveState& m_live;
  std::mutex m_mutex;
};

}  // namespace

void read_settings(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options,
                   LiveState& live) {
  SettingsReader(desired, api, options, live).run();
}

}  // namespace wx
