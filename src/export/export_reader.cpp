#include "wxphones/export/export_reader.h"

#include <functional>
#include <mutex>
#include <set>
#include <stdexcept>

#include "wxphones/plan/normalize.h"
#include "wxphones/util/parallel.h"

namespace wx::exporter {

namespace {

constexpr std::size_t kPeopleIdsPerCall = 85;  // GET /people?id= takes at most 85 ids

std::string calling_id(const LiveDevice& d) {
  return d.calling_device_id.empty() ? d.id : d.calling_device_id;
}

// Names for the owners and the people on their lines.
void read_directory(WebexClient& client, LiveState& live) {
  std::set<std::string> person_ids;
  for (const auto& d : live.devices) {
    if (!d.person_id.empty()) person_ids.insert(d.person_id);
  }
  for (const auto& [device, members] : live.device_members) {
    for (const auto& m : members.members) {
      if (m.member_type == "PEOPLE") person_ids.insert(m.id);
    }
  }
  std::vector<std::string> ids(person_ids.begin(), person_ids.end());
  for (std::size_t i = 0; i < ids.size(); i += kPeopleIdsPerCall) {
    std::string joined;
    for (std::size_t j = i; j < std::min(ids.size(), i + kPeopleIdsPerCall); ++j) {
      joined += (joined.empty() ? "" : ",") + ids[j];
    }
    for (const auto& p : client.list("/people", {{"id", joined}})) {
      Person person;
      person.id = p.value("id", "");
      person.display_name = p.value("displayName", "");
      person.location_id = p.value("locationId", "");
      if (p.contains("emails") && p["emails"].is_array() && !p["emails"].empty()) {
        person.email = p["emails"][0].get<std::string>();
      }
      if (!person.email.empty()) live.people[lower(person.email)] = person;
    }
  }
  for (const auto& w : client.list("/workspaces", {{"max", "1000"}})) {
    Workspace workspace;
    workspace.id = w.value("id", "");
    workspace.display_name = w.value("displayName", "");
    workspace.location_id = w.value("locationId", "");
    live.workspace_matches[workspace.display_name] += 1;
    live.workspaces.emplace(workspace.display_name, workspace);
  }
}

}  // namespace

LiveState read_export_state(WebexApi& api, WebexClient& directory, const ExportReadOptions& options) {
  LiveState live;
  std::mutex mutex;
  live.catalog = api.supported_devices();
  std::vector<Location> all = api.list_locations();
  for (const auto& name : options.locations) {
    bool found = false;
    for (const auto& l : all) found = found || l.name == name;
    if (!found) {
      throw std::runtime_error("--location: no location named \"" + name +
                               "\" in the organisation; expected the name of an existing location");
    }
  }
  for (const auto& l : all) {
    if (options.locations.empty() ||
        std::find(options.locations.begin(), options.locations.end(), l.name) != options.locations.end()) {
      live.locations.push_back(l);
    }
  }

  // 1. Phones of the selected locations, templates, org customizations.
  std::vector<std::function<void()>> reads;
  for (const auto& l : live.locations) {
    reads.push_back([&, id = l.id] {
      DeviceQuery query;
      query.location_id = id;
      query.type = "phone";
      auto devices = api.list_devices(query);
      std::lock_guard lock(mutex);
      for (auto& d : devices) live.devices.push_back(std::move(d));
    });
    reads.push_back([&, id = l.id] {
      auto settings = api.get_location_customizations(id);
      std::lock_guard lock(mutex);
      live.location_customizations[id] = std::move(settings);
    });
  }
  reads.push_back([&] { live.templates = api.list_line_key_templates(); });
  reads.push_back([&] { live.org_customizations = api.get_org_customizations(); });
  parallel_for(reads.size(), options.parallelism, [&](std::size_t i) { reads[i](); });

  // 2. Template keys, owners, and each phone's own values.
  reads.clear();
  for (auto& t : live.templates) {
    reads.push_back([&] {
      auto full = api.get_line_key_template(t.id);
      full.details_loaded = true;
      std::lock_guard lock(mutex);
      t = std::move(full);
    });
  }
  std::set<std::string> dynamic_families;
  for (const auto& d : live.devices) {
    const DeviceModel* model = live.catalog.find(d.model.empty() ? d.product : d.model);
    if (model == nullptr || d.mac.empty()) continue;
    if (model->allow_configure_layout) {
      reads.push_back([&] {
        try {
          auto layout = api.get_device_layout(calling_id(d));
          std::lock_guard lock(mutex);
          live.layouts[d.id] = std::move(layout);
        } catch (const ApiError& e) {
          if (e.status() < 400 || e.status() >= 500) throw;  // no layout yet: nothing to export
        }
      });
    }
    reads.push_back([&] {
      auto members = api.get_device_members(calling_id(d));
      std::lock_guard lock(mutex);
      live.device_members[d.id] = std::move(members);
    });
    if (!d.online() && model->phone_os()) continue;  // PhoneOS settings exist once online
    switch (model->settings_family) {
      case SettingsFamily::CallingCustomizations:
        reads.push_back([&, model_string = model->model] {
          auto settings = api.get_device_customizations(calling_id(d), model_string);
          std::lock_guard lock(mutex);
          live.device_customizations[d.id] = std::move(settings);
        });
        break;
      case SettingsFamily::DynamicSettings:
        dynamic_families.insert(model->family_display_name);
        reads.push_back([&] {
          auto values = api.get_device_dynamic_settings(calling_id(d), {});
          std::lock_guard lock(mutex);
          live.device_dynamic[d.id] = std::move(values);
        });
        break;
      case SettingsFamily::DeviceConfigurations:
        if (d.webex_device_id.empty()) break;
        reads.push_back([&] {
          auto values = api.get_device_configurations(d.webex_device_id, {});
          std::lock_guard lock(mutex);
          live.device_configurations[d.id] = std::move(values);
        });
        break;
      case SettingsFamily::None:
        break;
    }
  }
  // Org and location dynamic settings of every family the catalog sets that way.
  for (const auto& m : live.catalog.models()) {
    if (m.settings_family == SettingsFamily::DynamicSettings && !m.family_display_name.empty()) {
      dynamic_families.insert(m.family_display_name);
    }
  }
  for (const auto& family : dynamic_families) {
    reads.push_back([&, family] {
      try {
        auto values = api.get_org_dynamic_settings(family, {});
        std::lock_guard lock(mutex);
        live.org_dynamic[family] = std::move(values);
      } catch (const ApiError& e) {
        if (e.status() < 400 || e.status() >= 500) throw;  // a family the organisation does not have
      }
    });
    for (const auto& l : live.locations) {
      reads.push_back([&, family, id = l.id] {
        try {
          auto values = api.get_location_dynamic_settings(id, family, {});
          std::lock_guard lock(mutex);
          live.location_dynamic[{id, family}] = std::move(values);
        } catch (const ApiError& e) {
          if (e.status() < 400 || e.status() >= 500) throw;
        }
      });
    }
  }
  parallel_for(reads.size(), options.parallelism, [&](std::size_t i) { reads[i](); });
  read_directory(directory, live);

  // 3. Hoteling of the owners (that of their primary device).
  std::set<std::pair<std::string, std::string>> owners;
  for (const auto& d : live.devices) owners.insert({d.person_id, d.workspace_id});
  std::vector<std::pair<std::string, std::string>> owner_list(owners.begin(), owners.end());
  parallel_for(owner_list.size(), options.parallelism, [&](std::size_t i) {
    const auto& [person_id, workspace_id] = owner_list[i];
    if (person_id.empty() && workspace_id.empty()) return;
    auto devices =
        person_id.empty() ? api.list_workspace_devices(workspace_id) : api.list_person_devices(person_id);
    for (const auto& od : devices) {
      if (od.line_type != "PRIMARY" && !od.line_type.empty()) continue;
      std::lock_guard lock(mutex);
      if (person_id.empty()) {
        live.workspace_hoteling.emplace(workspace_id, od.hoteling);
      } else {
        live.person_hoteling.emplace(person_id, od.hoteling);
      }
      return;
    }
  });
  return live;
}

}  // namespace wx::exporter
