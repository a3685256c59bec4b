// /devices: list, get, create by MAC, activation codes, tags PATCH, delete (WEBEX_API §5).
#include <httplib.h>

#include "emulator/device_json.h"
#include "emulator/errors.h"
#include "emulator/lifecycle.h"
#include "emulator/pagination.h"
#include "emulator/routes.h"
#include "emulator/state.h"
#include "emulator/text.h"
#include "wxphones/util/mac.h"

namespace wx::emulator {

namespace {

constexpr std::int64_t kActivationCodeLifetimeMs = 7LL * 24 * 3600 * 1000;

bool matches_filters(Context& ctx, const Device& d) {
  auto& state = ctx.state;
  if (auto v = ctx.query("personId")) {
    auto uuid = uuid_of(*v, "PEOPLE", "PERSON");
    if (!uuid || !iequals(*uuid, d.person_uuid)) return false;
  }
  if (auto v = ctx.query("workspaceId")) {
    auto uuid = uuid_of(*v, "PLACE", "PLACES");
    if (!uuid || !iequals(*uuid, d.workspace_uuid)) return false;
  }
  if (auto v = ctx.query("locationId")) {
    auto uuid = uuid_of(*v, "LOCATION");
    if (!uuid || !iequals(*uuid, d.location_uuid)) return false;
  }
  if (auto v = ctx.query("mac")) {
    auto mac = normalize_mac(*v);
    if (!mac || *mac != d.mac) return false;
  }
  for (const auto& tag : split_commas(ctx.query_all("tag"))) {
    if (std::find(d.tags.begin(), d.tags.end(), tag) == d.tags.end()) return false;
  }
  if (auto v = ctx.query("type"); v && *v != "phone") return false;
  if (auto v = ctx.query("connectionStatus"); v && !iequals(*v, d.connection_status)) return false;
  if (auto v = ctx.query("displayName"); v && !iequals(*v, d.display_name)) return false;
  if (auto v = ctx.query("product"); v && !iequals(*v, d.product) && !iequals(*v, d.model)) return false;
  if (auto v = ctx.query("serial"); v && !iequals(*v, d.serial)) return false;
  if (auto v = ctx.query("software"); v && !iequals(*v, d.software)) return false;
  if (auto v = ctx.query("devicePlatform"); v && *v != "cisco") return false;
  if (auto v = ctx.query("plannedMaintenance"); v && *v != "off") return false;
  // Phones have no xapi capability or permission, and report no error codes.
  if (ctx.query("capability") || ctx.query("permission") || ctx.query("errorCode")) return false;
  if (ctx.query("upgradeChannel")) return false;
  return state.visible_in_devices_api(d);
}

void list_devices(Context& ctx) {
  std::vector<const Device*> selected;
  for (const auto& d : ctx.state.org.devices) {
    if (matches_filters(ctx, d)) selected.push_back(&d);
  }
  send_page(
      ctx, selected.size(), [&](std::size_t i) { return devices_api_json(ctx.state, *selected[i]); },
      kDevicesPaging);
}

Device* visible_device(Context& ctx) {
  Device* d = ctx.state.device_by_id(ctx.param("deviceId"));
  if (d == nullptr || !ctx.state.visible_in_devices_api(*d)) {
    send_error(ctx.res, 404, "Device not found.");
    return nullptr;
  }
  return d;
}

void get_device(Context& ctx) {
  if (auto* d = visible_device(ctx)) ctx.send_json(200, devices_api_json(ctx.state, *d));
}

// The owner of a new device: exactly one of personId/workspaceId. Sends the error on failure.
bool resolve_owner(Context& ctx, const nlohmann::json& body, const DeviceModel& model, Device& d) {
  bool has_person = body.contains("personId") && !body["personId"].is_null();
  bool has_workspace = body.contains("workspaceId") && !body["workspaceId"].is_null();
  if (has_person == has_workspace) {
    send_error(ctx.res, 400, "Exactly one of personId and workspaceId must be given.");
    return false;
  }
  if (has_person) {
    const Person* p =
        body["personId"].is_string() ? ctx.state.person_by_id(body["personId"].get<std::string>()) : nullptr;
    if (p == nullptr) {
      send_error(ctx.res, 404, "Person not found.");
      return false;
    }
    if (!model.supports_owner("PEOPLE")) {
      send_error(ctx.res, 400, "Model " + model.model + " cannot be assigned to a person.");
      return false;
    }
    d.person_uuid = p->uuid;
    d.location_uuid = p->location_uuid;
    d.display_name = p->display_name + " (" + model.display_name + ")";
  } else {
    const Workspace* w = body["workspaceId"].is_string()
                             ? ctx.state.workspace_by_id(body["workspaceId"].get<std::string>())
                             : nullptr;
    if (w == nullptr) {
      send_error(ctx.res, 404, "Workspace not found.");
      return false;
    }
    if (!model.supports_owner("PLACE")) {
      send_error(ctx.res, 400, "Model " + model.model + " cannot be assigned to a workspace.");
      return false;
    }
    d.workspace_uuid = w->uuid;
    d.location_uuid = w->location_uuid;
    d.display_name = w->display_name + " (" + model.display_name + ")";
  }
  return true;
}

const DeviceModel* resolve_model(Context& ctx, const nlohmann::json& body, const char* method) {
  if (!body.contains("model") || !body["model"].is_string() || body["model"].get<std::string>().empty()) {
    send_error(ctx.res, 400, "model is required for phones.");
    return nullptr;
  }
  const auto* model = ctx.state.org.catalog.find(body["model"].get<std::string>());
  if (model == nullptr) {
    send_error(ctx.res, 400, "Invalid model: " + body["model"].get<std::string>());
    return nullptr;
  }
  if (!model->supports_onboarding(method)) {
    send_error(ctx.res, 400, "Model " + model->model + " does not support onboarding by " + method + ".");
    return nullptr;
  }
  return model;
}

Device new_device(Context& ctx, const DeviceModel& model) {
  Device d;
  d.uuid = ctx.state.ids.uuid();
  d.model = model.model;
  d.product = model.display_name;
  d.serial = "FCH" + ctx.state.ids.digits(8);
  d.created_ms = ctx.state.clock.now_ms();
  return d;
}

void create_device(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The request body must be a JSON object.");
    return;
  }
  if (!body->contains("mac") || !(*body)["mac"].is_string()) {
    send_error(ctx.res, 400, "mac is required.");
    return;
  }
  auto mac = normalize_mac((*body)["mac"].get<std::string>());
  if (!mac) {
    send_error(ctx.res, 400, "Invalid MAC address: " + (*body)["mac"].get<std::string>());
    return;
  }
  const auto* model = resolve_model(ctx, *body, "MAC_ADDRESS");
  if (model == nullptr) return;
  if (ctx.state.device_by_mac(*mac) != nullptr) {
    // Undocumented for this call; the code and text are those of validateMacs (§6.13).
    send_error(ctx.res, 409, "[Error 5675] MAC Address is in use.", 5675);
    return;
  }
  Device d = new_device(ctx, *model);
  if (!resolve_owner(ctx, *body, *model, d)) return;
  d.mac = *mac;
  d.connection_status = "disconnected";
  if (auto delay = ctx.state.org.lifecycle.mac_online_after_ms) d.online_at_ms = d.created_ms + *delay;
  ctx.state.org.devices.push_back(d);
  ctx.send_json(200, devices_api_json(ctx.state, d));
}

void create_activation_code(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The request body must be a JSON object.");
    return;
  }
  // Every model in the catalog is a phone, and phones must name their model (§5).
  const auto* model = resolve_model(ctx, *body, "ACTIVATION_CODE");
  if (model == nullptr) return;
  Device d = new_device(ctx, *model);
  if (!resolve_owner(ctx, *body, *model, d)) return;
  ActivationCode code;
  do {
    code.code = ctx.state.ids.digits(16);
  } while (ctx.state.activation_code(code.code) != nullptr);
  code.expiry_ms = d.created_ms + kActivationCodeLifetimeMs;
  code.device_uuid = d.uuid;
  d.connection_status = "activating";
  d.activation_state = "activating";
  d.activation_code = code.code;
  if (auto delay = ctx.state.org.lifecycle.activation_code_used_after_ms)
    d.code_use_at_ms = d.created_ms + *delay;
  ctx.state.org.devices.push_back(std::move(d));
  ctx.state.org.activation_codes.push_back(code);
  ctx.send_json(200, {{"code", code.code}, {"expiryTime", iso8601(code.expiry_ms)}});
}

// One JSON-patch operation on tags. Returns an error message, or empty on success.
std::string apply_tag_op(const nlohmann::json& op, std::vector<std::string>& tags) {
  if (!op.is_object() || !op.contains("op") || !op["op"].is_string()) return "Each operation needs an 'op'.";
  auto path = op.value("path", "");
  if (path != "tags" && path != "/tags") return "Only the path 'tags' can be patched.";
  auto name = op["op"].get<std::string>();
  if (name == "remove") {
    tags.clear();  // Webex removes all tags, whatever the value (§5)
    return {};
  }
  if (name != "add" && name != "replace") return "Unsupported op '" + name + "'.";
  if (!op.contains("value")) return "'" + name + "' needs a value.";
  std::vector<std::string> values;
  const auto& value = op["value"];
  if (value.is_string()) {
    values.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (const auto& v : value) {
      if (!v.is_string()) return "Tags must be strings.";
      values.push_back(v.get<std::string>());
    }
  } else {
    return "The value must be an array of tags.";
  }
  if (name == "replace") tags.clear();
  for (auto& v : values) {
    if (std::find(tags.begin(), tags.end(), v) == tags.end()) tags.push_back(std::move(v));
  }
  return {};
}

void patch_device(Context& ctx) {
  Device* d = visible_device(ctx);
  if (d == nullptr) return;
  if (!require_json_patch_content(ctx.req, ctx.res)) return;
  auto body = ctx.json_body();
  if (!body) return;
  // The spec sends an array of operations; wxc_sdk sends one object. Both work live (§12).
  auto ops = body->is_array() ? *body : nlohmann::json::array({*body});
  auto tags = d->tags;
  for (const auto& op : ops) {
    if (auto error = apply_tag_op(op, tags); !error.empty()) {
      send_error(ctx.res, 400, error);
      return;
    }
  }
  d->tags = std::move(tags);
  ctx.send_json(200, devices_api_json(ctx.state, *d));
}

void delete_device(Context& ctx) {
  if (Device* d = visible_device(ctx)) {
    ctx.state.remove_device(d->uuid);
    ctx.send_no_content();
  }
}

}  // namespace

void add_device_routes(Router& router) {
  router.add("GET", "/devices", list_devices);
  router.add("POST", "/devices", create_device);
  router.add("POST", "/devices/activationCode", create_activation_code);
  router.add("GET", "/devices/{deviceId}", get_device);
  router.add("PATCH", "/devices/{deviceId}", patch_device);
  router.add("DELETE", "/devices/{deviceId}", delete_device);
}

}  // namespace wx::emulator
