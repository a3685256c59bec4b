#include "wxphones/export/export_documents.h"

#include <algorithm>
#include <cctype>

#include "wxphones/plan/layout_compare.h"
#include "wxphones/plan/normalize.h"
#include "wxphones/util/mac.h"

namespace wx::exporter {

namespace {

const char* const kApiVersion = "wxphones/v1";

Document header(const std::string& kind, const std::string& name) {
  Document doc;
  doc["apiVersion"] = kApiVersion;
  doc["kind"] = kind;
  doc["metadata"] = Document{{"name", name}};
  return doc;
}

std::string slug(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// What the reader knows about people and workspaces, by id.
class Directory {
 public:
  explicit Directory(const LiveState& live) {
    for (const auto& [email, person] : live.people) m_people.push_back({person.id, email});
    for (const auto& [name, workspace] : live.workspaces) m_workspaces.push_back({workspace.id, name});
  }
  std::string email_of(const std::string& id) const { return find(m_people, id); }
  std::string workspace_of(const std::string& id) const { return find(m_workspaces, id); }

 private:
  static std::string find(const std::vector<std::pair<std::string, std::string>>& entries,
                          const std::string& id) {
    if (id.empty()) return "";
    for (const auto& [entry_id, name] : entries) {
      if (same_webex_id(entry_id, id)) return name;
    }
    return "";
  }
  std::vector<std::pair<std::string, std::string>> m_people;
  std::vector<std::pair<std::string, std::string>> m_workspaces;
};

Document layout_document(const Layout& layout) {
  const Layout normal = normalize_layout(layout);
  Document out;
  out["layoutMode"] = normal.mode == LayoutMode::Custom ? "CUSTOM" : "DEFAULT";
  if (normal.user_reorder_enabled) out["userReorderEnabled"] = *normal.user_reorder_enabled;
  Document keys = Document::array();
  for (const auto& k : normal.line_keys) {
    Document key{{"lineKeyIndex", k.index}, {"lineKeyType", k.type}};
    if (k.label) key["lineKeyLabel"] = *k.label;
    if (k.value) key["lineKeyValue"] = *k.value;
    if (k.shared_line_index) key["sharedLineIndex"] = *k.shared_line_index;
    keys.push_back(std::move(key));
  }
  if (!keys.empty()) out["lineKeys"] = std::move(keys);
  if (normal.kem_module_type) out["kemModuleType"] = *normal.kem_module_type;
  Document kem = Document::array();
  for (const auto& k : normal.kem_keys) {
    Document key{{"kemModuleIndex", k.module_index}, {"kemKeyIndex", k.key_index}, {"kemKeyType", k.type}};
    if (k.label) key["kemKeyLabel"] = *k.label;
    if (k.value) key["kemKeyValue"] = *k.value;
    if (k.shared_line_index) key["sharedLineIndex"] = *k.shared_line_index;
    kem.push_back(std::move(key));
  }
  if (!kem.empty()) out["kemKeys"] = std::move(kem);
  return out;
}

const DeviceModel* model_of(const LiveState& live, const LiveDevice& d) {
  const DeviceModel* model = live.catalog.find(d.model);
  if (model == nullptr && !d.product.empty()) model = live.catalog.find(d.product);
  if (model == nullptr) model = ModelCatalog::builtin().find(d.model.empty() ? d.product : d.model);
  return model;
}

bool same_model(const LiveState& live, const std::string& a, const std::string& b) {
  const DeviceModel* ma = live.catalog.find(a);
  const DeviceModel* mb = live.catalog.find(b);
  if (ma != nullptr && mb != nullptr) return ma->model == mb->model;
  return a == b;
}

struct TemplateEntry {
  std::string manifest_name;
  const LineKeyTemplate* live = nullptr;
};

std::vector<TemplateEntry> template_entries(const LiveState& live) {
  std::vector<const LineKeyTemplate*> sorted;
  for (const auto& t : live.templates) {
    if (t.details_loaded) sorted.push_back(&t);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->template_name < b->template_name; });
  std::vector<std::string> bases;
  for (const auto* t : sorted)
    bases.push_back(slug(t->template_name).empty() ? "template" : slug(t->template_name));
  const auto names = unique_names(bases);
  std::vector<TemplateEntry> out;
  for (std::size_t i = 0; i < sorted.size(); ++i) out.push_back({names[i], sorted[i]});
  return out;
}

Document template_document(const TemplateEntry& entry) {
  const LineKeyTemplate& t = *entry.live;
  Document doc = header("LineKeyTemplate", entry.manifest_name);
  Document spec;
  if (t.template_name != entry.manifest_name) spec["templateName"] = t.template_name;
  spec["deviceModel"] = t.device_model;
  if (t.user_reorder_enabled) spec["userReorderEnabled"] = *t.user_reorder_enabled;
  Layout layout;
  layout.mode = LayoutMode::Custom;
  layout.line_keys = t.line_keys;
  spec["lineKeys"] = layout_document(layout).value("lineKeys", Document::array());
  doc["spec"] = std::move(spec);
  return doc;
}

// The customizations a scope inherits: its location's when those are its own, else the org's.
nlohmann::json parent_customizations(const LiveState& live, const std::string& location_id) {
  auto it = live.location_customizations.find(location_id);
  if (it != live.location_customizations.end() && it->second.custom_enabled.value_or(false)) {
    return it->second.customizations;
  }
  return live.org_customizations ? live.org_customizations->customizations : nlohmann::json::object();
}

Document owned_dynamic(const std::vector<DynamicSetting>& settings) {
  Document out = Document::object();
  std::vector<const DynamicSetting*> set;
  for (const auto& s : settings) {
    if (s.value) set.push_back(&s);
  }
  std::sort(set.begin(), set.end(), [](const auto* a, const auto* b) { return a->tag < b->tag; });
  for (const auto* s : set) out[s->tag] = *s->value;
  return out;
}

struct PhoneContext {
  const LiveState& live;
  const Directory& directory;
  const std::vector<TemplateEntry>& templates;
  std::set<std::string>& hoteling_owners;  // owners whose hoteling a phone already declares
};

// nullopt when any member cannot be named in a manifest (a virtual line, an unknown id).
std::optional<Document> members_document(const PhoneContext& ctx, const DeviceMembers& members) {
  Document out = Document::array();
  for (const auto& m : members.members) {
    if (m.primary_owner) continue;
    Document entry;
    if (m.member_type == "PEOPLE") {
      const std::string email = ctx.directory.email_of(m.id);
      if (email.empty()) return std::nullopt;
      entry["person"] = email;
    } else if (m.member_type == "PLACE") {
      const std::string name = ctx.directory.workspace_of(m.id);
      if (name.empty()) return std::nullopt;
      entry["workspace"] = name;
    } else {
      return std::nullopt;
    }
    entry["port"] = m.port;
    if (m.line_type != "SHARED_CALL_APPEARANCE") entry["lineType"] = m.line_type;
    if (m.line_label) entry["lineLabel"] = *m.line_label;
    if (m.hotline_enabled) {
      entry["hotlineEnabled"] = true;
      entry["hotlineDestination"] = m.hotline_destination;
    }
    if (!m.allow_call_decline_enabled) entry["allowCallDeclineEnabled"] = false;
    out.push_back(std::move(entry));
  }
  return out;
}

void add_layout(const PhoneContext& ctx, const LiveDevice& d, const DeviceModel& model, Document& spec) {
  auto it = ctx.live.layouts.find(d.id);
  if (it == ctx.live.layouts.end() || it->second.mode != LayoutMode::Custom) return;  // factory layout
  for (const auto& entry : ctx.templates) {
    if (!same_model(ctx.live, entry.live->device_model, model.model)) continue;
    const Layout from_template = layout_of_template(*entry.live);
    if (layout_matches(from_template, it->second) && layout_matches(it->second, from_template)) {
      spec["layout"] = Document{{"template", entry.manifest_name}};
      return;
    }
  }
  spec["layout"] = layout_document(it->second);
}

void add_settings(const PhoneContext& ctx, const LiveDevice& d, Document& spec,
                  std::vector<std::string>& notes, const std::string& name) {
  if (auto it = ctx.live.device_customizations.find(d.id);
      it != ctx.live.device_customizations.end() && it->second.custom_enabled.value_or(false)) {
    const nlohmann::json own =
        differing_leaves(it->second.customizations, parent_customizations(ctx.live, d.location_id));
    if (!own.empty()) {
      spec["settings"] = Document{{"customizations", Document::parse(own.dump())}};
    } else {
      notes.push_back(name + ": customEnabled is on but every value equals the location's; not exported");
    }
  }
  if (auto it = ctx.live.device_dynamic.find(d.id); it != ctx.live.device_dynamic.end()) {
    Document own = owned_dynamic(it->second);
    if (!own.empty()) spec["dynamicSettings"] = std::move(own);
  }
  if (auto it = ctx.live.device_configurations.find(d.id); it != ctx.live.device_configurations.end()) {
    Document configured = Document::object();
    for (const auto& [key, value] : it->second) {
      if (value.source == "configured" && value.editable) {
        configured[key] =
            Document::parse((value.configured.is_null() ? value.value : value.configured).dump());
      }
    }
    if (!configured.empty()) spec["configurations"] = std::move(configured);
  }
}

void add_hoteling(const PhoneContext& ctx, const LiveDevice& d, Document& spec) {
  const bool person = !d.person_id.empty();
  const auto& table = person ? ctx.live.person_hoteling : ctx.live.workspace_hoteling;
  const std::string owner_id = person ? d.person_id : d.workspace_id;
  auto it = table.find(owner_id);
  if (it == table.end() || !it->second.enabled.value_or(false)) return;  // disabled is the default
  if (!ctx.hoteling_owners.insert(owner_id).second) return;              // one declaration per owner
  Document hoteling{{"enabled", true}};
  if (it->second.limit_guest_use) hoteling["limitGuestUse"] = *it->second.limit_guest_use;
  if (it->second.guest_hours_limit) hoteling["guestHoursLimit"] = *it->second.guest_hours_limit;
  spec["hoteling"] = std::move(hoteling);
}

std::string display_mac(const std::string& mac) {
  std::string out;
  for (std::size_t i = 0; i < mac.size(); ++i) {
    if (i > 0 && i % 2 == 0) out += ':';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(mac[i])));
  }
  return out;
}

}  // namespace

std::string phone_base_name(const std::string& owner, const std::string& model_display_name) {
  std::string who = owner.substr(0, owner.find('@'));
  std::string model = model_display_name;
  if (auto space = model.find_last_of(' '); space != std::string::npos) model = model.substr(space + 1);
  std::string name = slug(who);
  const std::string model_part = slug(model);
  if (!model_part.empty()) name += (name.empty() ? "" : "-") + model_part;
  return name.empty() ? "phone" : name;
}

std::vector<std::string> unique_names(const std::vector<std::string>& base_names) {
  std::vector<std::string> out;
  std::set<std::string> taken(base_names.begin(), base_names.end());
  std::set<std::string> used;
  for (const auto& base : base_names) {
    std::string name = base;
    // A suffixed name never takes another phone's own base name.
    for (int n = 2; used.contains(name) || (name != base && taken.contains(name)); ++n) {
      name = base + "-" + std::to_string(n);
    }
    used.insert(name);
    out.push_back(name);
  }
  return out;
}

std::string location_file_name(const std::string& location_name) {
  std::string out;
  for (unsigned char c : location_name) {
    out += (std::isalnum(c) || c == '-' || c == '_' || c == '.') ? static_cast<char>(c) : '_';
  }
  if (out.empty() || out.front() == '.') out = "location" + out;
  return out + ".yaml";
}

nlohmann::json differing_leaves(const nlohmann::json& value, const nlohmann::json& parent) {
  nlohmann::json out = nlohmann::json::object();
  if (!value.is_object()) return out;
  for (const auto& [key, v] : value.items()) {
    const nlohmann::json* p = parent.is_object() && parent.contains(key) ? &parent.at(key) : nullptr;
    if (v.is_object()) {
      nlohmann::json nested = differing_leaves(v, p ? *p : nlohmann::json());
      if (!nested.empty()) out[key] = std::move(nested);
    } else if (p == nullptr || *p != v) {
      out[key] = v;
    }
  }
  return out;
}

ExportResult build_export(const LiveState& live, const std::vector<std::string>& selected_locations) {
  ExportResult result;
  const Directory directory(live);
  const auto templates = template_entries(live);
  std::set<std::string> hoteling_owners;
  const PhoneContext ctx{live, directory, templates, hoteling_owners};

  std::vector<const Location*> locations;
  for (const auto& l : live.locations) {
    const bool wanted =
        selected_locations.empty() ||
        std::find(selected_locations.begin(), selected_locations.end(), l.name) != selected_locations.end();
    if (wanted) locations.push_back(&l);
  }
  std::sort(locations.begin(), locations.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });

  // Phones in a stable order, named from owner and model.
  struct Candidate {
    const LiveDevice* device;
    const DeviceModel* model;
    std::string owner;  // email or workspace name
    bool workspace = false;
  };
  std::map<std::string, std::vector<std::string>> skipped;  // location id -> comments
  std::vector<Candidate> candidates;
  std::vector<const LiveDevice*> devices;
  for (const auto& d : live.devices) devices.push_back(&d);
  std::sort(devices.begin(), devices.end(), [](const auto* a, const auto* b) {
    return std::tie(a->location_id, a->mac, a->id) < std::tie(b->location_id, b->mac, b->id);
  });
  for (const LiveDevice* d : devices) {
    const DeviceModel* model = model_of(live, *d);
    // Webex names a phone after its owner and model ("Carol Clark (Cisco 9861)").
    const std::string what =
        !d->display_name.empty() ? d->display_name : (model ? model->display_name : d->model) + " " + d->id;
    if (d->mac.empty()) {
      skipped[d->location_id].push_back("skipped " + what +
                                        ": onboarded by activation code and not yet activated (no MAC); "
                                        "export again once it is online");
      continue;
    }
    if (model == nullptr) {
      skipped[d->location_id].push_back("skipped " + what + ": model \"" + d->model +
                                        "\" is not in supportedDevices");
      continue;
    }
    Candidate c{d, model, "", !d->workspace_id.empty()};
    c.owner = c.workspace ? directory.workspace_of(d->workspace_id) : directory.email_of(d->person_id);
    if (c.owner.empty()) {
      skipped[d->location_id].push_back("skipped " + what +
                                        ": its owner could not be named (not a person or workspace found)");
      continue;
    }
    candidates.push_back(c);
  }
  std::vector<std::string> bases;
  for (const auto& c : candidates) bases.push_back(phone_base_name(c.owner, c.model->display_name));
  const auto names = unique_names(bases);

  std::map<std::string, std::vector<Document>> phones_by_location;
  std::map<std::string, std::vector<std::string>> notes_by_location;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    const LiveDevice& d = *c.device;
    Document doc = header("Phone", names[i]);
    Document spec;
    spec["model"] = c.model->model;
    spec["mac"] = display_mac(d.mac);
    spec["owner"] = Document{{c.workspace ? "workspace" : "person", c.owner}};
    if (!d.tags.empty()) {
      // The apply marker is wxphones' own bookkeeping, never a desired tag.
      std::vector<std::string> tags = tags_without_marker(d.tags);
      spec["tags"] = tags;
    }
    add_layout(ctx, d, *c.model, spec);
    if (auto it = live.device_members.find(d.id); it != live.device_members.end()) {
      if (auto members = members_document(ctx, it->second)) {
        if (!members->empty()) spec["members"] = std::move(*members);
      } else {
        notes_by_location[d.location_id].push_back(
            names[i] + ": lines not exported: a member is a virtual line or could not be named");
      }
    }
    add_settings(ctx, d, spec, notes_by_location[d.location_id], names[i]);
    add_hoteling(ctx, d, spec);
    doc["spec"] = std::move(spec);
    phones_by_location[d.location_id].push_back(std::move(doc));
    ++result.phones;
  }

  for (const Location* l : locations) {
    ExportedFile file{location_file_name(l->name), {}, {}};
    for (const auto& s : skipped[l->id]) file.comments.push_back(s);
    for (const auto& n : notes_by_location[l->id]) file.comments.push_back(n);
    result.skipped += static_cast<int>(skipped[l->id].size());
    file.documents = std::move(phones_by_location[l->id]);
    if (!file.documents.empty() || !file.comments.empty()) result.files.push_back(std::move(file));
  }

  ExportedFile template_file{"templates.yaml", {}, {}};
  for (const auto& entry : templates) template_file.documents.push_back(template_document(entry));
  if (!template_file.documents.empty()) result.files.push_back(std::move(template_file));

  // Settings: the organisation's dynamic settings, then each location's own values.
  ExportedFile settings{"settings.yaml", {}, {}};
  Document org_dynamic = Document::object();
  for (const auto& [family, values] : live.org_dynamic) {
    Document own = owned_dynamic(values);
    if (!own.empty()) org_dynamic[family] = std::move(own);
  }
  if (!org_dynamic.empty()) {
    Document doc = header("DeviceSettings", "organization");
    doc["spec"] = Document{{"scope", Document{{"organization", true}}}, {"dynamicSettings", org_dynamic}};
    settings.documents.push_back(std::move(doc));
  }
  const nlohmann::json org_values =
      live.org_customizations ? live.org_customizations->customizations : nlohmann::json::object();
  for (const Location* l : locations) {
    Document spec;
    spec["scope"] = Document{{"location", l->name}};
    if (auto it = live.location_customizations.find(l->id);
        it != live.location_customizations.end() && it->second.custom_enabled.value_or(false)) {
      spec["customEnabled"] = true;
      const nlohmann::json own = differing_leaves(it->second.customizations, org_values);
      if (!own.empty()) spec["customizations"] = Document::parse(own.dump());
    }
    Document dynamic = Document::object();
    for (const auto& [key, values] : live.location_dynamic) {
      if (key.first != l->id) continue;
      Document own = owned_dynamic(values);
      if (!own.empty()) dynamic[key.second] = std::move(own);
    }
    if (!dynamic.empty()) spec["dynamicSettings"] = std::move(dynamic);
    if (spec.size() == 1) continue;
    Document doc =
        header("DeviceSettings", "location-" + (slug(l->name).empty() ? "location" : slug(l->name)));
    doc["spec"] = std::move(spec);
    settings.documents.push_back(std::move(doc));
  }
  if (!settings.documents.empty()) result.files.push_back(std::move(settings));

  // The project: a prune scope over the exported locations that selects no phone until the
  // managed-by-wxphones tag is put on phones on purpose.
  ExportedFile project{"project.yaml", {}, {}};
  project.comments.push_back(
      "Phones are deleted only when they carry the tag managed-by-wxphones; export puts it on none.");
  Document doc = header("Project", "exported");
  std::vector<std::string> names_of_locations;
  for (const Location* l : locations) names_of_locations.push_back(l->name);
  doc["spec"] = Document{{"prune", Document{{"phones", Document{{"locations", names_of_locations},
                                                                {"tag", "managed-by-wxphones"}}}}}};
  project.documents.push_back(std::move(doc));
  result.files.push_back(std::move(project));
  return result;
}

}  // namespace wx::exporter
