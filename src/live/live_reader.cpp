#include "wxphones/live/live_reader.h"

#include "live/device_merger.h"
#include "live/settings_reader.h"

#include <algorithm>
#include <functional>
#include <future>
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

// Every template of the organisation, with the keys of the ones the manifests declare.
void read_templates(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options,
                    LiveState& live) {
  bool layouts_managed = false;
  for (const auto& phone : desired.phones) layouts_managed |= phone.layout.has_value();
  if (desired.templates.empty() && !desired.project.prune_templates && !layouts_managed) return;
  live.templates = api.list_line_key_templates();
  std::set<std::string> wanted;
  for (const auto& t : desired.templates) wanted.insert(t.spec.template_name);
  parallel_for(live.templates.size(), options.parallelism, [&](std::size_t i) {
    if (wanted.contains(live.templates[i].template_name)) {
      live.templates[i] = api.get_line_key_template(live.templates[i].id);
    }
  });
}

// The phones of the locations a template job could reach.
void read_job_locations(const std::set<std::string>& job_locations, WebexApi& api,
                        const LiveReadOptions& options, DeviceMerger& merger) {
  std::vector<std::string> locations(job_locations.begin(), job_locations.end());
  parallel_for(locations.size(), options.parallelism, [&](std::size_t i) {
    DeviceQuery query;
    query.location_id = locations[i];
    query.type = "phone";
    merger.add_webex(api.list_devices(query));
  });
}

// The layouts of the phones of owners whose layout is managed: a few more reads than strictly
// needed, but no pairing here (that is the planner's job).
std::map<std::string, Layout> read_layouts(const DesiredState& desired, WebexApi& api,
                                           const LiveReadOptions& options, const LiveState& live) {
  std::map<std::string, Layout> layouts;
  std::set<std::string> owners;
  for (const auto& phone : desired.phones) {
    if (!phone.layout) continue;
    Diagnostics reported_by_the_planner;
    if (auto owner = resolve_owner(phone, live, reported_by_the_planner)) owners.insert(owner->id());
  }
  std::vector<const LiveDevice*> to_read;
  for (const auto& d : live.devices) {
    if (owners.contains(d.person_id) || owners.contains(d.workspace_id)) to_read.push_back(&d);
  }
  std::mutex mutex;
  parallel_for(to_read.size(), options.parallelism, [&](std::size_t i) {
    const LiveDevice& d = *to_read[i];
    try {
      Layout layout = api.get_device_layout(d.calling_device_id.empty() ? d.id : d.calling_device_id);
      std::lock_guard lock(mutex);
      layouts[d.id] = std::move(layout);
    } catch (const ApiError& e) {
      // A phone that cannot report a layout yet (never online, not Webex-aware) gets it written.
      if (e.status() < 400 || e.status() >= 500) throw;
    }
  });
  return layouts;
}

// Owners whose telephony listing is needed even when /devices was listed org-wide: those that
// declare hoteling (it is read from there) and those with a declared phone /devices does not show
// (a PhoneOS phone not yet Webex-aware, an activation code not yet used).
std::set<std::pair<int, std::string>> owners_needing_listing(const DesiredState& desired,
                                                             const std::set<std::string>& org_macs) {
  std::set<std::pair<int, std::string>> out;
  auto key = [](const OwnerRef& o) {
    return std::pair<int, std::string>{static_cast<int>(o.kind),
                                       o.kind == OwnerRef::Kind::Person ? lower(o.name) : o.name};
  };
  for (const auto& phone : desired.phones) {
    if (phone.hoteling || !phone.mac || !org_macs.contains(*phone.mac)) out.insert(key(phone.owner));
  }
  for (const auto& doc : desired.owner_devices) out.insert(key(doc.owner));
  return out;
}

// One lookup per owner: the cheapest way for a few owners.
void resolve_owners_one_by_one(const std::vector<OwnerKey>& owners, WebexApi& api, LiveState& live,
                               std::mutex& mutex, std::vector<std::function<void()>>& reads) {
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
}

// The organisation's people, workspaces and phones, a page of 1,000 per request, filtered to the
// owners named: fewer requests than one lookup per owner once many owners are named.
void resolve_owners_from_listings(const std::vector<OwnerKey>& owners, WebexApi& api, LiveState& live,
                                  std::vector<LiveDevice>& org_phones,
                                  std::vector<std::function<void()>>& reads) {
  bool people = false, workspaces = false;
  for (const auto& o : owners) (o.kind == OwnerRef::Kind::Person ? people : workspaces) = true;
  if (people) {
    reads.push_back([&] {
      std::set<std::string> named;
      for (const auto& o : owners) {
        if (o.kind == OwnerRef::Kind::Person) named.insert(o.name);
      }
      for (auto& p : api.list_people()) {
        const std::string key = lower(p.email);
        if (named.contains(key)) live.people.emplace(key, std::move(p));
      }
    });
  }
  if (workspaces) {
    reads.push_back([&] {
      std::set<std::string> named;
      for (const auto& o : owners) {
        if (o.kind == OwnerRef::Kind::Workspace) named.insert(o.name);
      }
      for (auto& w : api.list_workspaces()) {
        if (!named.contains(w.display_name)) continue;
        if (++live.workspace_matches[w.display_name] == 1) live.workspaces[w.display_name] = w;
      }
    });
  }
  reads.push_back([&] {
    DeviceQuery query;
    query.type = "phone";
    org_phones = api.list_devices(query);
  });
}

// The prune scope's location ids ("" = the whole organisation); unknown names are diagnostics.
std::vector<std::string> prune_location_ids(const DesiredState& desired, const LiveState& live,
                                            Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  const auto& scope = desired.project.prune_phones;
  if (!scope) return ids;
  for (const auto& name : scope->locations) {
    if (const auto* l = live.location_by_name(name)) {
      ids.push_back(l->id);
    } else {
      diagnostics.push_back({Severity::Error, desired.project.where, "spec.prune.phones.locations",
                             "prune scope names location \"" + name +
                                 "\", which does not exist; expected the name of a Webex location"});
    }
  }
  if (scope->locations.empty()) ids.push_back("");
  return ids;
}

bool in_prune_scope(const LiveDevice& d, const PhonePruneScope& scope,
                    const std::vector<std::string>& location_ids) {
  const bool location = std::any_of(location_ids.begin(), location_ids.end(),
                                    [&](const std::string& id) { return id.empty() || id == d.location_id; });
  return location && (!scope.tag || std::find(d.tags.begin(), d.tags.end(), *scope.tag) != d.tags.end());
}

}  // namespace

LiveRead read_live_state(const DesiredState& desired, WebexApi& api, const LiveReadOptions& options) {
  LiveRead result;
  LiveState& live = result.state;
  std::mutex mutex;
  const std::vector<OwnerKey> owners = owners_of(desired);
  const bool org_wide = static_cast<int>(owners.size()) >= options.org_wide_min_owners;

  // 1. What everything else is resolved against: models, locations, the owners.
  std::vector<LiveDevice> org_phones;  // org_wide: every phone of the organisation
  std::vector<std::function<void()>> reads;
  reads.push_back([&] { live.catalog = api.supported_devices(); });
  reads.push_back([&] { live.locations = api.list_locations(); });
  if (org_wide) {
    resolve_owners_from_listings(owners, api, live, org_phones, reads);
  } else {
    resolve_owners_one_by_one(owners, api, live, mutex, reads);
  }
  parallel_for(reads.size(), options.parallelism, [&](std::size_t i) { reads[i](); });

  // 2. The owners' phones, and the phones inside the prune scope.
  DeviceMerger merger;
  std::set<std::string> org_macs, declared_macs;
  for (const auto& d : org_phones) org_macs.insert(d.mac);
  for (const auto& phone : desired.phones) {
    if (phone.mac) declared_macs.insert(*phone.mac);
  }
  const auto listing_needed = owners_needing_listing(desired, org_macs);
  std::set<std::string> owner_ids;
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
    owner_ids.insert(person_id.empty() ? workspace_id : person_id);
    if (!org_wide) {
      reads.push_back([&, person_id, workspace_id] {
        DeviceQuery query;
        query.person_id = person_id;
        query.workspace_id = workspace_id;
        merger.add_webex(api.list_devices(query));
      });
    }
    if (org_wide && !listing_needed.contains({static_cast<int>(owner.kind), owner.name})) continue;
    reads.push_back([&, person_id, workspace_id] {
      auto devices =
          person_id.empty() ? api.list_workspace_devices(workspace_id) : api.list_person_devices(person_id);
      record_hoteling(devices, person_id, workspace_id, live, mutex);
      merger.add_owner_devices(devices, person_id, workspace_id);
    });
  }
  const std::vector<std::string> prune_ids = prune_location_ids(desired, live, result.diagnostics);
  std::set<std::string> job_locations = merger_locations(desired, live, options);
  if (org_wide) {
    // The same phones the per-owner reads would find, without asking again.
    std::vector<LiveDevice> kept;
    for (auto& d : org_phones) {
      const bool wanted =
          owner_ids.contains(d.person_id) || owner_ids.contains(d.workspace_id) ||
          declared_macs.contains(d.mac) || job_locations.contains(d.location_id) ||
          (desired.project.prune_phones && in_prune_scope(d, *desired.project.prune_phones, prune_ids));
      if (wanted) kept.push_back(std::move(d));
    }
    merger.add_webex(std::move(kept));
    job_locations.clear();  // already among the phones kept
  } else if (const auto& scope = desired.project.prune_phones) {
    for (const auto& location_id : prune_ids) {
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

  read_templates(desired, api, options, live);
  read_job_locations(job_locations, api, options, merger);
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

  // 4. Layouts and settings: only the declared aspects, of the phones and scopes that declare them.
  // Side by side (they write different parts of the state): the client bounds the requests in
  // flight, and neither waits for the other's last reads.
  auto layouts = std::async(std::launch::async, [&] { return read_layouts(desired, api, options, live); });
  read_settings(desired, api, options, live);
  live.layouts = layouts.get();
  return result;
}

}  // namespace wx
