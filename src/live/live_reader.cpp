#include "wxphones/live/live_reader.h"

#include <functional>
#include <map>
#include <mutex>
#include <set>

#include "wxphones/plan/normalize.h"
#include "wxphones/util/parallel.h"

namespace wx {

namespace {

// validateMacs takes batches; the SDK's tests use up to 200.
constexpr std::size_t kValidateMacsBatch = 100;

struct OwnerKey {
  OwnerRef::Kind kind;
  std::string name;
  bool has_phone_os = false;  // its phones may be visible only in the telephony listing
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

std::vector<OwnerKey> owners_of(const DesiredState& desired) {
  std::map<std::pair<int, std::string>, OwnerKey> owners;
  for (const auto& phone : desired.phones) {
    const std::string key =
        phone.owner.kind == OwnerRef::Kind::Person ? lower(phone.owner.name) : phone.owner.name;
    auto& entry = owners[{static_cast<int>(phone.owner.kind), key}];
    entry.kind = phone.owner.kind;
    entry.name = key;
    const auto* model = ModelCatalog::builtin().find(phone.model);
    if (!model || model->phone_os()) entry.has_phone_os = true;
  }
  std::vector<OwnerKey> out;
  for (auto& [key, owner] : owners) out.push_back(owner);
  return out;
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
  return result;
}

}  // namespace wx
