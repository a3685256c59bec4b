#include "emulator/apply_selection.h"

#include <algorithm>

#include "emulator/errors.h"

namespace wx::emulator {

namespace {

bool has_tag(const Device& d, const std::string& tag) {
  return std::find(d.tags.begin(), d.tags.end(), tag) != d.tags.end();
}

// An optional array of strings; false (after sending 400) when present but malformed.
bool string_list(Context& ctx, const nlohmann::json& body, const char* field, std::vector<std::string>& out) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return true;
  bool ok =
      it->is_array() && std::all_of(it->begin(), it->end(), [](const auto& v) { return v.is_string(); });
  if (!ok) {
    send_error(ctx.res, 400, std::string(field) + " must be an array of strings.");
    return false;
  }
  out = it->get<std::vector<std::string>>();
  return true;
}

}  // namespace

std::optional<ApplyRequest> parse_apply_request(Context& ctx) {
  auto body = ctx.json_body();
  if (!body) return std::nullopt;
  if (!body->is_object()) {
    send_error(ctx.res, 400, "The body must be a JSON object.");
    return std::nullopt;
  }
  ApplyRequest r;
  r.action = body->value("action", std::string());
  if (r.action != "APPLY_TEMPLATE" && r.action != "APPLY_DEFAULT_TEMPLATES") {
    send_error(ctx.res, 400, "action is required: APPLY_TEMPLATE or APPLY_DEFAULT_TEMPLATES.");
    return std::nullopt;
  }
  if (r.action == "APPLY_TEMPLATE") {
    auto id = body->find("templateId");
    if (id == body->end() || !id->is_string() || id->get<std::string>().empty()) {
      send_error(ctx.res, 400, "templateId is required for APPLY_TEMPLATE.");
      return std::nullopt;
    }
    const auto* tmpl = ctx.state.template_by_id(id->get<std::string>());
    if (tmpl == nullptr) {
      send_error(ctx.res, 404, "Line key template not found.");
      return std::nullopt;
    }
    r.template_uuid = tmpl->uuid;
  }
  std::vector<std::string> location_ids;
  if (!string_list(ctx, *body, "locationIds", location_ids) ||
      !string_list(ctx, *body, "includeDeviceTags", r.include_tags) ||
      !string_list(ctx, *body, "excludeDeviceTags", r.exclude_tags)) {
    return std::nullopt;
  }
  for (const auto& id : location_ids) {
    const auto* location = ctx.state.location_by_id(id);
    if (location == nullptr) {
      send_error(ctx.res, 400, "Invalid location id " + id + ".");
      return std::nullopt;
    }
    r.location_uuids.push_back(location->uuid);
  }
  if (auto it = body->find("excludeDevicesWithCustomLayout"); it != body->end() && !it->is_null()) {
    if (!it->is_boolean()) {
      send_error(ctx.res, 400, "excludeDevicesWithCustomLayout must be a boolean.");
      return std::nullopt;
    }
    r.exclude_custom_layouts = it->get<bool>();
  }
  // The emulator raises no layout advisories, so advisoryTypes select nothing extra; still typed.
  if (auto it = body->find("advisoryTypes"); it != body->end() && !it->is_null()) {
    bool ok =
        it->is_object() && std::all_of(it->begin(), it->end(), [](const auto& v) { return v.is_boolean(); });
    if (!ok) {
      send_error(ctx.res, 400, "advisoryTypes must be an object of booleans.");
      return std::nullopt;
    }
  }
  return r;
}

std::vector<std::string> select_devices(const State& state, const ApplyRequest& request) {
  const LineKeyTemplate* tmpl = nullptr;
  for (const auto& t : state.org.line_key_templates) {
    if (t.uuid == request.template_uuid) tmpl = &t;
  }
  std::vector<std::string> out;
  for (const auto& d : state.org.devices) {
    if (request.action == "APPLY_TEMPLATE") {
      if (tmpl == nullptr || d.model != tmpl->model) continue;
    } else {
      const auto* model = state.model_of(d);
      if (model == nullptr || !model->allow_configure_layout) continue;
    }
    if (!request.location_uuids.empty() &&
        std::find(request.location_uuids.begin(), request.location_uuids.end(), d.location_uuid) ==
            request.location_uuids.end()) {
      continue;
    }
    if (!std::all_of(request.include_tags.begin(), request.include_tags.end(),
                     [&](const auto& t) { return has_tag(d, t); })) {
      continue;
    }
    if (std::any_of(request.exclude_tags.begin(), request.exclude_tags.end(),
                    [&](const auto& t) { return has_tag(d, t); })) {
      continue;
    }
    if (request.exclude_custom_layouts && d.layout.mode == "CUSTOM") continue;
    out.push_back(d.uuid);
  }
  return out;
}

}  // namespace wx::emulator
