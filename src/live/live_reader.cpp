#include "wxphones/live/live_reader.h"

#include "live/settings_reader.h"

#include <functional>
#include <map>
#include <mutex>
#include <set>

#include "wxphones/plan/normalize.h"
#include "wxphones/plan/owner_resolution.h"
#include "wxphones/util/parallel.h"
#include "wxphones/webex/api_error.h"

namespace wx {

namespace {

// validateMacs takes batches; the SDK's tests use up to 200.
constexpr std::size_t kValidateMacsBatch = 100;

struct OwnerKey {
  OwnerRef::Kind kind;
  std::string name;
  bool has_phone_os = false;  // its phones may be visible only in the telephony listing
  bool list_devices = false;  // false: only resolved (a member, a settings scope)
};

class DeviceMerger {
 public:
  void add_webex(std::vector<LiveDevice> devices) {
    std::lock_guard lock(m_mutex);
    for (auto& d : devices) {
      if (m_ids.insert(d.id).second) m_devices.push_back(std::move(d));
    }
  }

  // Telephony listings know the model string and see phones /devices does not (yet).
  void add_owner_devices(const std::vector<OwnerDevice>& devices, const std::string& person_id,
                         const std::string& workspace_id) {
    std::lock_guard lock(m_mutex);
    m_owner_devices.push_back({devices, person_id, workspace_id});
  }

  std::vector<LiveDevice> merged() {
    for (const auto& batch : m_owner_devices) {
      for (const auto& od : batch.devices) {
        LiveDevice* match = nullptr;
        for (auto& d : m_devices) {
          if ((!od.mac.empty() && d.mac == od.mac) || same_webex_id(d.calling_device_id, od.id)) match = &d;
        }
        if (match) {
          if (match->model.empty()) match->model = od.model;
          if (match->activation_state.empty()) match->activation_state = od.activation_state;
          if (match->calling_device_id.empty()) match->calling_device_id = od.id;
          continue;
        }
        if (!m_ids.insert(od.id).second) continue;
        LiveDevice d;
        d.id = od.id;
        d.calling_device_id = od.id;
        d.mac = od.mac;
        d.model = od.model;
        d.person_id = batch.person_id;
        d.workspace_id = batch.workspace_id;
        d.activation_state = od.activation_state;
        d.connection_status = od.activation_state == "ACTIVATING" ? "activating" : "unknown";
        d.tags = od.tags;
        d.webex_aware = false;
        m_devices.push_back(std::move(d));
      }
    }
    return m_devices;
  }

 private:
  struct OwnerBatch {
    std::vector<OwnerDevice> devices;
    std::string person_id;
    std::string workspace_id;
  };
  std::mutex m_mutex;
  std::set<std::string> m_ids;
  std::vector<LiveDevice> m_devices;
  std::vector<OwnerBatch> m_owner_devices;
};

// Every person and workspace the manifests name: phone owners and hoteling owners (their devices
// are listed), members and settings scopes (only resolved).
std::vector<OwnerKey> owners_of(const DesiredState& desired) {
  std::map<std::pair<int, std::string>, OwnerKey> owners;
  auto add = [&](OwnerRef::Kind kind, const std::string& name, bool list_devices) -> OwnerKey& {
    const std::string key = kind == OwnerRef::Kind::Person ? lower(name) : name;
    auto& entry = owners[{static_cast<int>(kind), key}];
    entry.kind = kind;
    entry.name = key;
    entry.list_devices = entry.list_devices || list_devices;
    return entry;
  };
  for (const auto& phone : desired.phones) {
    auto& entry = add(phone.owner.kind, phone.owner.name, true);
    const auto* model = ModelCatalog::builtin().find(phone.model);
    if (!model || model->phone_os()) entry.has_phone_os = true;
    if (phone.members) {
      for (const auto& m : *phone.members) add(m.member.kind, m.member.name, false);
    }
  }
  for (const auto& doc : desired.owner_devices) add(doc.owner.kind, doc.owner.name, true);
  for (const auto& doc : desired.scope_settings) {
    if (doc.scope.kind == SettingsScope::Kind::Person) add(OwnerRef::Kind::Person, doc.scope.name, false);
    if (doc.scope.kind == SettingsScope::Kind::Workspace)
      add(OwnerRef::Kind::Workspace, doc.scope.name, false);
  }
  std::vector<OwnerKey> out;
  for (auto& [key, owner] : owners) out.push_back(owner);
  return out;
}

// An owner's hoteling is that of its primary devices (WEBEX_API.md §6.12).
void record_hoteling(const std::vector<OwnerDevice>& devices, const std::string& person_id,
                     const std::string& workspace_id, LiveState& live, std::mutex& mutex) {
  for (const auto& d : devices) {
    if (d.line_type != "PRIMARY" && !d.line_type.empty()) continue;
    std::lock_guard lock(mutex);
    if (person_id.empty()) {
      live.workspace_hoteling.emplace(workspace_id, d.hoteling);
    } else {
      live.person_hoteling.emplace(person_id, d.hoteling);
    }
    return;
  }
}

// Locations whose phones decide whether an apply-template job would be exact: those of the owners
// of phones using a template that many phones use.
std::set<std::string> merger_locations(const DesiredState& desired, const LiveState& live,
                                       const LiveReadOptions& options) {
  std::map<std::string, std::vector<const DesiredPhone*>> users;
  for (const auto& phone : desired.phones) {
    if (phone.layout && phone.layout->template_ref) users[*phone.layout->template_ref].push_back(&phone);
  }
  std::set<std::string> locations;
  for (const auto& [name, phones] : users) {
    if (static_cast<int>(phones.size()) < options.bulk_min_phones) continue;
    for (const DesiredPhone* phone : phones) {
      Diagnostics reported_by_the_planner;
      if (auto owner = resolve_owner(*phone, live, reported_by_the_planner))
        locations.insert(owner->location_id);
    }
  }
  return locations;
}

// Templates (with keys for the managed ones), the layouts of phones whose layout is managed, and
// the phones of the locations a template job could reach.
void read_layouts_and_templates(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options,
                                LiveState& live, const std::set<std::string>& job_locations,
                                DeviceMerger& merger) {
  bool layouts_managed = false;
  for (const auto& phone : desired.phones) layouts_managed |= phone.layout.has_value();
  if (!desired.templates.empty() || desired.project.prune_templates || layouts_managed) {
    live.templates = api.list_line_key_templates();
    std::set<std::string> wanted;
    for (const auto& t : desired.templates) wanted.insert(t.spec.template_name);
    parallel_for(live.templates.size(), options.parallelism, [&](std::size_t i) {
      if (wanted.contains(live.templates[i].template_name)) {
        live.templates[i] = api.get_line_key_template(live.templates[i].id);
      }
    });
  }
  std::vector<std::string> locations(job_locations.begin(), job_locations.end());
  parallel_for(locations.size(), options.parallelism, [&](std::size_t i) {
    DeviceQuery query;
    query.location_id = locations[i];
    query.type = "phone";
    merger.add_webex(api.list_devices(query));
  });
  if (!layouts_managed) return;
  // The layouts of the managed owners' phones: a few more reads than strictly needed, but no
  // pairing here (that is the planner's job).
  std::set<std::string> owners;
  for (const auto& phone : desired.phones) {
    if (!phone.layout) continue;
    Diagnostics reported_by_the_planner;
    if (auto owner = resolve_owner(phone, live, reported_by_the_planner)) owners.insert(owner->id());
  }
  std::vector<LiveDevice> devices = merger.merged();
  std::vector<const LiveDevice*> to_read;
  for (const auto& d : devices) {
    if (owners.contains(d.person_id) || owners.contains(d.workspace_id)) to_read.push_back(&d);
  }
  std::mutex mutex;
  parallel_for(to_read.size(), options.parallelism, [&](std::size_t i) {
    const LiveDevice& d = *to_read[i];
    try {
      Layout layout = api.get_device_layout(d.calling_device_id.empty() ? d.id : d.calling_device_id);
      std::lock_guard lock(mutex);
      live.layouts[d.id] = std::move(layout);
    } catch (const ApiError& e) {
      // A phone that cannot report a layout yet (never online, not Webex-aware) gets it written.
      if (e.status() < 400 || e.status() >= 500) throw;
    }
  });
}

}  // namespace

LiveRead read_live_state(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options) {
  LiveRead result;
  LiveState& live = result.state;
  std::mutex mutex;
  const std::vector<OwnerKey> owners = owners_of(desired);

  // 1. What everything else is resolved against: models, locations, the owners.
  std::vector<std::function<void()>> reads;
  reads.push_back([&] { live.catalog = api.supported_devices(); });
  reads.push_back([&] { live.locations = api.list_locations(); });
  for (const auto& owner : owners) {
    reads.push_back([&, owner] {
      if (owner.kind == OwnerRef::Kind::Person) {
        if (auto person = api.find_person_by_email(owner.name)) {
          std::lock_guard lock(mutex);
          live.people[owner.name] = *person;
        }
        return;
      }
      auto matches = api.find_workspaces_by_name(owner.name);
      std::lock_guard lock(mutex);
      live.workspace_matches[owner.name] = static_cast<int>(matches.size());
      if (!matches.empty()) live.workspaces[owner.name] = matches.front();
    });
  }
  parallel_for(reads.size(), options.parallelism, [&](std::size_t i) { reads[i](); });

  // 2. The owners' phones, and the phones inside the prune scope.
  DeviceMerger merger;
  reads.clear();
  for (const auto& owner : owners) {
    if (!owner.list_devices) continue;
    std::string person_id, workspace_id;
    if (owner.kind == OwnerRef::Kind::Person) {
      auto it = live.people.find(owner.name);
      if (it == live.people.end()) continue;
      person_id = it->second.id;
    } else {
      auto it = live.workspaces.find(owner.name);
      if (it == live.workspaces.end()) continue;
      workspace_id = it->second.id;
    }
    reads.push_back([&, person_id, workspace_id] {
      DeviceQuery query;
      query.person_id = person_id;
      query.workspace_id = workspace_id;
      merger.add_webex(api.list_devices(query));
    });
    reads.push_back([&, person_id, workspace_id] {
      auto devices =
          person_id.empty() ? api.list_workspace_devices(workspace_id) : api.list_person_devices(person_id);
      record_hoteling(devices, person_id, workspace_id, live, mutex);
      merger.add_owner_devices(devices, person_id, workspace_id);
    });
  }
  if (const auto& scope = desired.project.prune_phones) {
    std::vector<std::string> location_ids;
    for (const auto& name : scope->locations) {
      if (const auto* l = live.location_by_name(name)) {
        location_ids.push_back(l->id);
      } else {
        result.diagnostics.push_back({Severity::Error, desired.project.where, "spec.prune.phones.locations",
                                      "prune scope names location \"" + name +
                                          "\", which does not exist; expected the name of a Webex location"});
      }
    }
    if (scope->locations.empty()) location_ids.push_back("");  // the whole organisation
    for (const auto& location_id : location_ids) {
      reads.push_back([&, location_id] {
        DeviceQuery query;
        query.location_id = location_id;
        query.type = "phone";
        query.tag = scope->tag.value_or("");
        merger.add_webex(api.list_devices(query));
      });
    }
  }
  parallel_for(reads.size(), options.parallelism, [&](std::size_t i) { reads[i](); });

  read_layouts_and_templates(desired, api, options, live, merger_locations(desired, live, options), merger);
  live.devices = merger.merged();

  // 3. MACs the manifests name that are not among those phones: free, or in use elsewhere?
  std::set<std::string> known_macs;
  for (const auto& d : live.devices) known_macs.insert(d.mac);
  std::vector<std::string> unknown;
  for (const auto& phone : desired.phones) {
    if (phone.mac && !known_macs.contains(*phone.mac)) unknown.push_back(*phone.mac);
  }
  std::vector<std::vector<std::string>> batches;
  for (std::size_t i = 0; i < unknown.size(); i += kValidateMacsBatch) {
    batches.emplace_back(unknown.begin() + i,
                         unknown.begin() + std::min(unknown.size(), i + kValidateMacsBatch));
  }
  parallel_for(batches.size(), options.parallelism, [&](std::size_t i) {
    auto statuses = api.validate_macs(batches[i]);
    std::lock_guard lock(mutex);
    for (auto& s : statuses) live.mac_status[s.mac] = s;
  });
  // A MAC in use may be this phone under another owner: find it, so the plan can replace it.
  std::vector<std::string> in_use;
  for (const auto& [mac, status] : live.mac_status) {
    if (status.state == "UNAVAILABLE") in_use.push_back(mac);
  }
  parallel_for(in_use.size(), options.parallelism, [&](std::size_t i) {
    DeviceQuery query;
    query.mac = in_use[i];
    auto found = api.list_devices(query);
    std::lock_guard lock(mutex);
    for (auto& d : found) {
      live.mac_status.erase(d.mac);
      live.devices.push_back(std::move(d));
    }
  });

  // 4. Settings: only the declared aspects, of the phones and scopes that declare them.
  read_settings(desired, api, options, live);
  return result;
}

}  // namespace wx
