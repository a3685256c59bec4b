// Dynamic device settings (WEBEX_API §8): schema, settings groups, getSettings at org, location and
// device level, and the device PUT. The org/location writes are the dynamicDeviceSettings job.
#include <httplib.h>

#include "emulator/dynamic_store.h"
#include "emulator/errors.h"
#include "emulator/phoneos.h"
#include "emulator/settings_jobs.h"
#include "emulator/settings_routes.h"
#include "emulator/state.h"
#include "emulator/text.h"

namespace wx::emulator {

namespace {

// The body {tags?:[...]} of getSettings: the tags asked for, empty = all. nullopt after a 400.
std::optional<std::vector<std::string>> requested_tags(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return std::nullopt;
  std::vector<std::string> tags;
  if (body->is_null()) return tags;
  const bool ok = body->is_object() && (!body->contains("tags") || (*body)["tags"].is_array());
  if (ok && body->contains("tags")) {
    for (const auto& t : (*body)["tags"]) {
      if (!t.is_string()) {
        send_error(ctx.res, 400, "tags must be an array of tag strings.");
        return std::nullopt;
      }
      tags.push_back(t.get<std::string>());
    }
  }
  if (!ok) {
    send_error(ctx.res, 400, "The body must be {\"tags\": [...]}.");
    return std::nullopt;
  }
  return tags;
}

bool wanted(const std::vector<std::string>& tags, const std::string& tag) {
  return tags.empty() || std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// The required familyOrModelDisplayName of the org and location reads, resolved to a family.
std::optional<std::string> family_query(Context& ctx) {
  auto value = ctx.query("familyOrModelDisplayName");
  if (!value || value->empty()) {
    send_error(ctx.res, 400, "Missing required query parameter familyOrModelDisplayName.");
    return std::nullopt;
  }
  auto family = resolve_dynamic_family(ctx.state, *value);
  if (family.empty()) {
    send_error(ctx.res, 400, "Invalid familyOrModelDisplayName '" + *value + "'.");
    return std::nullopt;
  }
  return family;
}

nlohmann::json read_tags(const State& state, const std::string& family, const std::vector<std::string>& tags,
                         SettingLevel level, const std::string* location_uuid, const Device* device) {
  auto out = nlohmann::json::array();
  for (const auto& rule : state.org.settings.schema.rules()) {
    if (rule.family != family || !rule.allowed_at(level) || !wanted(tags, rule.tag)) continue;
    out.push_back(dynamic_entry(state, rule, location_uuid, device));
  }
  return out;
}

void get_schema(Context& ctx) {
  ctx.send_json(200, validation_schema_body(ctx.state, ctx.query("familyOrModelDisplayName")));
}

void get_groups(Context& ctx) {
  auto include = ctx.query("includeSettingsType").value_or("ALL");
  const auto lower = to_lower(include);
  if (lower != "tabs" && lower != "groups" && lower != "all") {
    send_error(ctx.res, 400, "includeSettingsType must be TABS, GROUPS or ALL.");
    return;
  }
  ctx.send_json(200, settings_groups_body(ctx.state, ctx.query("familyOrModelDisplayName"), include));
}

void org_settings(Context& ctx) {
  auto family = family_query(ctx);
  if (!family) return;
  auto tags = requested_tags(ctx);
  if (!tags) return;
  ctx.send_json(200,
                {{"tags", read_tags(ctx.state, *family, *tags, SettingLevel::Organization, nullptr, nullptr)},
                 {"lastUpdateTime", ctx.state.org.settings.dynamic_update_ms},
                 {"updateInProgress", update_in_progress(ctx.state, kDynamicSettingsFamily, std::nullopt)}});
}

void location_settings(Context& ctx) {
  const Location* l = ctx.state.location_by_id(ctx.param("locationId"));
  if (l == nullptr) {
    send_error(ctx.res, 404, "Location not found.");
    return;
  }
  auto family = family_query(ctx);
  if (!family) return;
  auto tags = requested_tags(ctx);
  if (!tags) return;
  const auto& locations = ctx.state.org.settings.locations;
  auto it = locations.find(l->uuid);
  std::int64_t updated = ctx.state.org.settings.dynamic_update_ms;
  if (it != locations.end() && it->second.dynamic_update_ms) updated = *it->second.dynamic_update_ms;
  ctx.send_json(200,
                {{"tags", read_tags(ctx.state, *family, *tags, SettingLevel::Location, &l->uuid, nullptr)},
                 {"lastUpdateTime", updated},
                 {"updateInProgress", update_in_progress(ctx.state, kDynamicSettingsFamily, l->uuid)}});
}

// The device and its family; a 400 for models that do not use dynamic settings.
Device* dynamic_device(Context& ctx, std::string& family) {
  Device* d = ctx.state.device_by_id(ctx.param("deviceId"));
  if (d == nullptr) {
    send_error(ctx.res, 404, "Device not found.");
    return nullptr;
  }
  family = dynamic_family(ctx.state, *d);
  if (family.empty()) {
    send_error(ctx.res, 400, "Dynamic device settings are not supported for the model " + d->model + ".");
    return nullptr;
  }
  return d;
}

void device_settings(Context& ctx) {
  std::string family;
  Device* d = dynamic_device(ctx, family);
  if (d == nullptr) return;
  auto tags = requested_tags(ctx);
  if (!tags) return;
  const auto updated = d->settings.dynamic_update_ms.value_or(ctx.state.org.settings.dynamic_update_ms);
  ctx.send_json(200, {{"tags", read_tags(ctx.state, family, *tags, SettingLevel::Device, nullptr, d)},
                      {"lastUpdateTime", updated}});
}

void put_device_settings(Context& ctx) {
  std::string family;
  Device* d = dynamic_device(ctx, family);
  if (d == nullptr || !require_configurable(ctx, *d)) return;
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_null() && (!body->is_object() || (body->contains("tags") && !(*body)["tags"].is_array()))) {
    send_error(ctx.res, 400, "The body must be {\"tags\": [{tag, action, value?}]}.");
    return;
  }
  // Validate every change before applying any: a 400 leaves the device untouched.
  std::vector<std::pair<std::string, std::optional<std::string>>> changes;
  for (const auto& item :
       body->is_object() ? body->value("tags", nlohmann::json::array()) : nlohmann::json::array()) {
    const auto tag = item.is_object() ? item.value("tag", "") : std::string();
    const auto action = dynamic_action(item.is_object() ? item.value("action", "") : std::string());
    if (tag.empty() || action.empty()) {
      send_error(ctx.res, 400, "Each tag needs a tag and an action SET or CLEAR.");
      return;
    }
    std::optional<std::string> value;
    if (auto error = dynamic_write_value(item, action, tag, value)) {
      send_error(ctx.res, 400, *error);
      return;
    }
    const auto* rule = ctx.state.org.settings.schema.find(family, tag);
    if (auto error = check_dynamic_write(rule, tag, SettingLevel::Device, value)) {
      send_error(ctx.res, 400, *error);
      return;
    }
    changes.emplace_back(tag, value);
  }
  for (const auto& [tag, value] : changes) {
    if (value) {
      d->settings.dynamic[tag] = *value;
    } else {
      d->settings.dynamic.erase(tag);
    }
  }
  if (!changes.empty()) d->settings.dynamic_update_ms = ctx.state.clock.now_ms();
  ctx.send_no_content();
}

}  // namespace

void add_dynamic_settings_routes(Router& router) {
  router.add("GET", "/telephony/config/devices/dynamicSettings/validationSchema", get_schema);
  router.add("GET", "/telephony/config/devices/dynamicSettings/settingsGroups", get_groups);
  router.add("POST", "/telephony/config/lists/devices/dynamicSettings/actions/getSettings/invoke",
             org_settings);
  router.add(
      "POST",
      "/telephony/config/lists/locations/{locationId}/devices/dynamicSettings/actions/getSettings/invoke",
      location_settings);
  router.add("POST", "/telephony/config/lists/devices/{deviceId}/dynamicSettings/actions/getSettings/invoke",
             device_settings);
  router.add("PUT", "/telephony/config/devices/{deviceId}/dynamicSettings", put_device_settings);
}

}  // namespace wx::emulator
