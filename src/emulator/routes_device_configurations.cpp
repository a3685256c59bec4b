// GET/PATCH /deviceConfigurations (WEBEX_API §7, §11.11, §12).
#include <vector>

#include <httplib.h>

#include "emulator/config_routes.h"
#include "emulator/device_configurations.h"
#include "emulator/errors.h"
#include "emulator/phoneos.h"
#include "emulator/text.h"
#include "wxphones/model/device_configuration.h"

namespace wx::emulator {

namespace {

constexpr std::string_view kValueSuffix = "/sources/configured/value";

// No sources.*.level nor enforced: wxc_sdk models them, but no description or example shows them, and
// WEBEX_API §14 has the emulator emit undocumented fields only where §12 or an example does.
nlohmann::json item_json(const ConfigKeySpec& spec, const nlohmann::json* configured) {
  nlohmann::json configured_editability = {{"isEditable", spec.editable}};
  if (!spec.editable) configured_editability["reason"] = spec.reason;
  return {
      {"value", configured != nullptr ? *configured : spec.default_value},
      {"source", configured != nullptr ? "configured" : "default"},
      {"sources",
       {{"default",
         {{"value", spec.default_value},
          {"editability", {{"isEditable", false}, {"reason", "FACTORY_DEFAULT"}}}}},
        {"configured",
         {{"value", configured != nullptr ? *configured : nlohmann::json(nullptr)},
          {"editability", configured_editability}}}}},
      {"valueSpace", spec.value_space},
  };
}

struct PatchOp {
  bool replace = true;
  std::string key;
  nlohmann::json value;
};

// Parses and checks every op first, so that a bad op leaves the device unchanged.
std::optional<std::string> parse_ops(const nlohmann::json& body, std::vector<PatchOp>& ops) {
  if (!body.is_array() && !body.is_object()) {
    return "The body must be a JSON array of json-patch operations.";
  }
  auto list = body.is_array() ? body : nlohmann::json::array({body});
  if (list.empty()) return "The body must contain at least one operation.";
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("op") || !item["op"].is_string() || !item.contains("path") ||
        !item["path"].is_string()) {
      return "Each operation needs a string 'op' and a string 'path'.";
    }
    PatchOp op;
    const auto name = item["op"].get<std::string>();
    if (name != "replace" && name != "remove") {
      return "Unsupported op '" + name + "': expected replace or remove.";
    }
    op.replace = name == "replace";
    const auto path = item["path"].get<std::string>();
    if (!path.empty() && path.front() == '/') {
      return "Invalid path '" + path + "': paths have no leading '/' (KEY/sources/configured/value).";
    }
    if (path.size() <= kValueSuffix.size() ||
        path.compare(path.size() - kValueSuffix.size(), kValueSuffix.size(), kValueSuffix) != 0) {
      return "Invalid path '" + path + "': only KEY/sources/configured/value can be changed.";
    }
    op.key = path.substr(0, path.size() - kValueSuffix.size());
    if (!is_concrete_key(op.key)) {
      return "Invalid key '" + op.key + "': wildcards and ranges are only allowed in GET filters.";
    }
    if (op.replace) {
      if (!item.contains("value")) return "Operation replace on " + op.key + " needs a 'value'.";
      op.value = item["value"];
      if (op.value.is_null()) {
        return "Invalid value for " + op.key +
               ": null is not a value; use op remove to revert to the default.";
      }
      if (auto error = check_configuration(op.key, op.value, false)) return error;
    } else if (auto error = check_configuration(op.key, nullptr, false)) {
      return error;
    }
    ops.push_back(std::move(op));
  }
  return std::nullopt;
}

Device* configured_device(Context& ctx) {
  auto id = ctx.query("deviceId");
  if (!id || id->empty()) {
    send_error(ctx.res, 400, "Missing required query parameter 'deviceId'.");
    return nullptr;
  }
  Device* d = ctx.state.device_by_id(*id);  // DEVICE form documented; CALLING_DEVICE tolerated
  if (d == nullptr) {
    send_error(ctx.res, 404, "Device not found.");
    return nullptr;
  }
  if (!uses_configuration_service(ctx.state, *d)) {
    send_error(ctx.res, 400, kNotConfigurationServiceMessage);
    return nullptr;
  }
  return d;
}

nlohmann::json collection_json(const Device& d, const KeyFilter* filter) {
  return {{"deviceId", make_id("DEVICE", d.uuid)}, {"items", configuration_items_json(d, filter)}};
}

void get_configurations(Context& ctx) {
  Device* d = configured_device(ctx);
  if (d == nullptr) return;
  std::optional<KeyFilter> filter;
  if (auto key = ctx.query("key")) {
    filter = KeyFilter::parse(*key);  // httplib has already decoded %5B/%5D
    if (!filter) {
      send_error(ctx.res, 400, "Invalid key filter '" + *key + "'.");
      return;
    }
  }
  ctx.send_json(200, collection_json(*d, filter ? &*filter : nullptr));
}

void patch_configurations(Context& ctx) {
  Device* d = configured_device(ctx);
  if (d == nullptr || !require_configurable(ctx, *d)) return;
  if (!require_json_patch_content(ctx.req, ctx.res)) return;
  auto body = ctx.json_body();
  if (!body) return;
  std::vector<PatchOp> ops;
  if (auto error = parse_ops(*body, ops)) {
    send_error(ctx.res, 400, *error);
    return;
  }
  for (auto& op : ops) {
    if (op.replace) {
      d->config.configured[op.key] = std::move(op.value);
    } else {
      d->config.configured.erase(op.key);
    }
  }
  ctx.send_json(201, collection_json(*d, nullptr));
}

}  // namespace

bool uses_configuration_service(const State& state, const Device& device) {
  const auto* model = state.model_of(device);
  return model != nullptr && model->settings_family == SettingsFamily::DeviceConfigurations;
}

nlohmann::json configuration_items_json(const Device& device, const KeyFilter* filter) {
  auto items = nlohmann::json::object();
  for (const auto& [key, spec] : config_catalog()) {
    if (filter != nullptr && !filter->matches(key)) continue;
    auto it = device.config.configured.find(key);
    items[key] = item_json(spec, it == device.config.configured.end() ? nullptr : &it->second);
  }
  return items;
}

std::optional<std::string> check_configuration(const std::string& key, const nlohmann::json& value,
                                               bool admin) {
  const auto& catalog = config_catalog();
  auto it = catalog.find(key);
  if (it == catalog.end()) return "Unknown configuration key '" + key + "'.";
  if (!admin && !it->second.editable) {
    return "Configuration " + key + " is not editable (" + it->second.reason + ").";
  }
  if (value.is_null()) return std::nullopt;  // remove: back to the default
  if (auto problem = check_value_space(it->second.value_space, value)) {
    return "Invalid value for " + key + ": " + *problem + ".";
  }
  return std::nullopt;
}

void add_device_configuration_routes(Router& router) {
  router.add("GET", "/deviceConfigurations", get_configurations);
  router.add("PATCH", "/deviceConfigurations", patch_configurations);
}

}  // namespace wx::emulator
