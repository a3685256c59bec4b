// Control API of the settings families: admin edits as in Control Hub (drift for tests), and the
// settings part of GET /_emulator/state. No token, no stats, no validation beyond the shape.
#include <httplib.h>

#include "emulator/device_settings.h"
#include "emulator/dynamic_store.h"
#include "emulator/errors.h"
#include "emulator/routes.h"
#include "emulator/settings_routes.h"
#include "emulator/state.h"
#include "wxphones/model/customizations.h"

namespace wx::emulator {

namespace {

nlohmann::json dynamic_json(const DynamicValues& values) {
  auto out = nlohmann::json::array();
  for (const auto& [key, value] : values) {
    out.push_back({{"familyOrModelDisplayName", key.first}, {"tag", key.second}, {"value", value}});
  }
  return out;
}

std::optional<nlohmann::json> object_body(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return std::nullopt;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The body must be a JSON object.");
    return std::nullopt;
  }
  return body;
}

// {customEnabled?: bool, customizations?: object}; false after a 400.
bool read_settings(Context& ctx, const nlohmann::json& body, std::optional<bool>& enabled,
                   std::optional<nlohmann::json>& values) {
  if (body.contains("customEnabled")) {
    if (!body["customEnabled"].is_boolean()) {
      send_error(ctx.res, 400, "customEnabled must be a boolean.");
      return false;
    }
    enabled = body["customEnabled"].get<bool>();
  }
  if (body.contains("customizations")) {
    if (!body["customizations"].is_object()) {
      send_error(ctx.res, 400, "customizations must be an object.");
      return false;
    }
    values = body["customizations"];
  }
  return true;
}

Device* device_of(Context& ctx) {
  Device* d = ctx.state.device_by_mac(ctx.param("mac"));
  if (d == nullptr) d = ctx.state.device_by_id(ctx.param("mac"));
  if (d == nullptr) send_error(ctx.res, 404, "No device with MAC or id " + ctx.param("mac"));
  return d;
}

const Location* location_of(Context& ctx) {
  const Location* l = ctx.state.location_by_name(ctx.param("name"));
  if (l == nullptr) send_error(ctx.res, 404, "No location named " + ctx.param("name"));
  return l;
}

void put_device_settings(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr) return;
  auto body = object_body(ctx);
  std::optional<bool> enabled;
  std::optional<nlohmann::json> values;
  if (!body || !read_settings(ctx, *body, enabled, values)) return;
  if (enabled) d->settings.custom_enabled = *enabled;
  if (values) d->settings.customizations = *values;  // stored as is
  d->settings.last_update_ms = ctx.state.clock.now_ms();
  ctx.send_json(200, device_settings_state_json(ctx.state, *d));
}

void put_location_settings(Context& ctx) {
  const Location* l = location_of(ctx);
  if (l == nullptr) return;
  auto body = object_body(ctx);
  std::optional<bool> enabled;
  std::optional<nlohmann::json> values;
  if (!body || !read_settings(ctx, *body, enabled, values)) return;
  auto& s = ctx.state.org.settings.locations[l->uuid];
  if (enabled) s.custom_enabled = *enabled;
  if (values) s.customizations = overlay_json(s.customizations, *values);
  s.last_update_ms = ctx.state.clock.now_ms();
  ctx.send_json(200, settings_state_json(ctx.state));
}

void put_org_settings(Context& ctx) {
  auto body = object_body(ctx);
  std::optional<bool> enabled;  // the org has no customEnabled; accepted and ignored
  std::optional<nlohmann::json> values;
  if (!body || !read_settings(ctx, *body, enabled, values)) return;
  auto& s = ctx.state.org.settings;
  if (values) s.customizations = overlay_json(org_customizations(ctx.state), *values);
  s.last_update_ms = ctx.state.clock.now_ms();
  ctx.send_json(200, settings_state_json(ctx.state));
}

// {tags:[{familyOrModelDisplayName?, tag, value|null}]}: the family may be left out when only one
// family of the schema has the tag. Calls apply(family, tag, value) per entry; false after a 400.
template <typename Apply>
bool read_dynamic(Context& ctx, const nlohmann::json& body, const std::string& device_family, Apply apply) {
  if (!body.contains("tags") || !body["tags"].is_array()) {
    send_error(ctx.res, 400, "The body must be {\"tags\": [{familyOrModelDisplayName?, tag, value|null}]}.");
    return false;
  }
  const auto& schema = ctx.state.org.settings.schema;
  std::vector<std::tuple<std::string, std::string, std::optional<std::string>>> entries;
  for (const auto& item : body["tags"]) {
    const auto tag = item.is_object() ? item.value("tag", "") : std::string();
    if (tag.empty() || !item.contains("value") || !(item["value"].is_string() || item["value"].is_null())) {
      send_error(ctx.res, 400, "Each entry needs a tag and a value (string, or null to clear).");
      return false;
    }
    std::string family = device_family;
    if (auto requested = item.value("familyOrModelDisplayName", ""); !requested.empty()) {
      family = resolve_dynamic_family(ctx.state, requested);
    } else if (family.empty()) {
      for (const auto& rule : schema.rules()) {
        if (rule.tag != tag) continue;
        if (!family.empty() && family != rule.family) {
          send_error(ctx.res, 400, "Tag " + tag + " exists in several families; name one.");
          return false;
        }
        family = rule.family;
      }
    }
    if (family.empty() || schema.find(family, tag) == nullptr) {
      send_error(ctx.res, 400, "Unknown tag " + tag + ".");
      return false;
    }
    std::optional<std::string> value;
    if (item["value"].is_string()) value = item["value"].get<std::string>();
    entries.emplace_back(family, tag, value);
  }
  for (const auto& [family, tag, value] : entries) apply(family, tag, value);
  return true;
}

void set_or_erase(DynamicValues& values, const std::string& family, const std::string& tag,
                  const std::optional<std::string>& value) {
  if (value) {
    values[{family, tag}] = *value;
  } else {
    values.erase({family, tag});
  }
}

void put_device_dynamic(Context& ctx) {
  Device* d = device_of(ctx);
  if (d == nullptr) return;
  auto body = object_body(ctx);
  if (!body) return;
  const auto family = dynamic_family(ctx.state, *d);
  if (family.empty()) {
    send_error(ctx.res, 400, "The model " + d->model + " does not use dynamic settings.");
    return;
  }
  const bool ok =
      read_dynamic(ctx, *body, family, [&](const std::string&, const std::string& tag, const auto& value) {
        if (value) {
          d->settings.dynamic[tag] = *value;
        } else {
          d->settings.dynamic.erase(tag);
        }
      });
  if (!ok) return;
  d->settings.dynamic_update_ms = ctx.state.clock.now_ms();
  ctx.send_json(200, device_settings_state_json(ctx.state, *d));
}

void put_location_dynamic(Context& ctx) {
  const Location* l = location_of(ctx);
  if (l == nullptr) return;
  auto body = object_body(ctx);
  if (!body) return;
  auto& s = ctx.state.org.settings.locations[l->uuid];
  if (!read_dynamic(ctx, *body, "",
                    [&](const auto& f, const auto& t, const auto& v) { set_or_erase(s.dynamic, f, t, v); })) {
    return;
  }
  s.dynamic_update_ms = ctx.state.clock.now_ms();
  ctx.send_json(200, settings_state_json(ctx.state));
}

void put_org_dynamic(Context& ctx) {
  auto body = object_body(ctx);
  if (!body) return;
  auto& s = ctx.state.org.settings;
  if (!read_dynamic(ctx, *body, "",
                    [&](const auto& f, const auto& t, const auto& v) { set_or_erase(s.dynamic, f, t, v); })) {
    return;
  }
  s.dynamic_update_ms = ctx.state.clock.now_ms();
  ctx.send_json(200, settings_state_json(ctx.state));
}

void put_compression(Context& ctx, std::map<std::string, std::string>& map, const std::string& uuid) {
  auto body = ctx.json_body();
  if (!body) return;
  auto value = parse_compression(*body);
  if (!value) {
    send_error(ctx.res, 400, "The body must be {\"compression\": \"ON\"|\"OFF\"}.");
    return;
  }
  map[uuid] = *value;
  ctx.send_json(200, {{"compression", *value}});
}

}  // namespace

nlohmann::json device_settings_state_json(const State& state, const Device& d) {
  auto dynamic = nlohmann::json::object();
  for (const auto& [tag, value] : d.settings.dynamic) dynamic[tag] = value;
  const auto family = customization_family(state, d);
  return {{"customizationFamily", family.empty() ? nlohmann::json(nullptr) : nlohmann::json(family)},
          {"customEnabled", d.settings.custom_enabled},
          {"customizations", d.settings.customizations},
          {"effectiveCustomizations", device_customizations(state, d)},
          {"dynamicFamily", dynamic_family(state, d)},
          {"dynamicSettings", dynamic},
          {"applyChangesCount", d.settings.apply_changes_count},
          {"rebuildCount", d.settings.rebuild_count}};
}

nlohmann::json settings_state_json(const State& state) {
  const auto& s = state.org.settings;
  auto locations = nlohmann::json::array();
  for (const auto& l : state.org.locations) {
    auto it = s.locations.find(l.uuid);
    const bool known = it != s.locations.end();
    locations.push_back(
        {{"name", l.name},
         {"customEnabled", known && it->second.custom_enabled},
         {"customizations", known ? it->second.customizations : nlohmann::json::object()},
         {"dynamicSettings", known ? dynamic_json(it->second.dynamic) : nlohmann::json::array()}});
  }
  auto compression = [&](const std::map<std::string, std::string>& map, bool people) {
    auto out = nlohmann::json::object();
    for (const auto& [uuid, value] : map) {
      if (people) {
        if (const auto* p = state.person_by_uuid(uuid)) out[p->email] = value;
      } else if (const auto* w = state.workspace_by_uuid(uuid)) {
        out[w->display_name] = value;
      }
    }
    return out;
  };
  return {
      {"org", {{"customizations", org_customizations(state)}, {"dynamicSettings", dynamic_json(s.dynamic)}}},
      {"dynamicDefaults", dynamic_json(s.dynamic_defaults)},
      {"locations", locations},
      {"compression",
       {{"people", compression(s.person_compression, true)},
        {"workspaces", compression(s.workspace_compression, false)}}}};
}

void add_settings_control_routes(Router& router) {
  router.add("PUT", "/_emulator/devices/{mac}/settings", put_device_settings);
  router.add("PUT", "/_emulator/locations/{name}/settings", put_location_settings);
  router.add("PUT", "/_emulator/org/settings", put_org_settings);
  router.add("PUT", "/_emulator/devices/{mac}/dynamicSettings", put_device_dynamic);
  router.add("PUT", "/_emulator/locations/{name}/dynamicSettings", put_location_dynamic);
  router.add("PUT", "/_emulator/org/dynamicSettings", put_org_dynamic);
  router.add("PUT", "/_emulator/people/{email}/compression", [](Context& ctx) {
    const auto* p = ctx.state.person_by_email(ctx.param("email"));
    if (p == nullptr) {
      send_error(ctx.res, 404, "No person " + ctx.param("email"));
      return;
    }
    put_compression(ctx, ctx.state.org.settings.person_compression, p->uuid);
  });
  router.add("PUT", "/_emulator/workspaces/{name}/compression", [](Context& ctx) {
    const auto* w = ctx.state.workspace_by_name(ctx.param("name"));
    if (w == nullptr) {
      send_error(ctx.res, 404, "No workspace " + ctx.param("name"));
      return;
    }
    put_compression(ctx, ctx.state.org.settings.workspace_compression, w->uuid);
  });
}

}  // namespace wx::emulator
