// Line key templates and the apply preview (WEBEX_API §6.8): /telephony/config/devices/lineKeyTemplates...
#include <httplib.h>

#include "emulator/apply_selection.h"
#include "emulator/errors.h"
#include "emulator/layout.h"
#include "emulator/routes.h"
#include "emulator/state.h"
#include "emulator/text.h"

namespace wx::emulator {

namespace {

constexpr const char* kTemplateKind = "DEVICE_LINE_KEY_TEMPLATE";

nlohmann::json summary_json(const LineKeyTemplate& t) {
  return {{"id", make_id(kTemplateKind, t.uuid)},
          {"templateName", t.name},
          {"deviceModel", t.model},
          {"modelDisplayName", t.display_name}};
}

// userReorderEnabled (optional boolean) and lineKeys (required) of a POST or PUT body.
bool read_keys(Context& ctx, const nlohmann::json& body, const DeviceModel& model, LineKeyTemplate& t) {
  if (auto it = body.find("userReorderEnabled"); it != body.end() && !it->is_null()) {
    if (!it->is_boolean()) {
      send_error(ctx.res, 400, "userReorderEnabled must be a boolean.");
      return false;
    }
    t.user_reorder_enabled = it->get<bool>();
  }
  auto keys = body.find("lineKeys");
  if (keys == body.end() || keys->is_null()) {
    send_error(ctx.res, 400, "lineKeys is required.");
    return false;
  }
  if (auto error = check_line_keys(*keys, model, t.line_keys)) {
    send_error(ctx.res, 400, *error);
    return false;
  }
  return true;
}

std::optional<nlohmann::json> object_body(Context& ctx) {
  auto body = ctx.json_body();
  if (body && !body->is_object()) {
    send_error(ctx.res, 400, "The body must be a JSON object.");
    return std::nullopt;
  }
  return body;
}

void create_template(Context& ctx) {
  auto body = object_body(ctx);
  if (!body) return;
  LineKeyTemplate t;
  t.name = body->value("templateName", std::string());
  if (t.name.empty()) {
    send_error(ctx.res, 400, "templateName is required.");
    return;
  }
  const auto* model = ctx.state.org.catalog.find(body->value("deviceModel", std::string()));
  if (model == nullptr) {
    send_error(ctx.res, 400, "deviceModel is required: a supported model or its display name.");
    return;
  }
  if (!model->allow_configure_layout) {
    send_error(ctx.res, 400, model->model + " does not allow configuring its layout.");
    return;
  }
  for (const auto& other : ctx.state.org.line_key_templates) {
    if (iequals(other.name, t.name)) {
      send_error(ctx.res, 409, "A line key template named '" + t.name + "' already exists.");
      return;
    }
  }
  t.model = model->model;
  t.display_name = model->display_name;
  if (!read_keys(ctx, *body, *model, t)) return;
  t.uuid = ctx.state.ids.uuid();
  ctx.state.org.line_key_templates.push_back(t);
  ctx.send_json(201, {{"id", make_id(kTemplateKind, t.uuid)}});
}

void list_templates(Context& ctx) {
  auto list = nlohmann::json::array();
  for (const auto& t : ctx.state.org.line_key_templates) list.push_back(summary_json(t));
  ctx.send_json(200, {{"lineKeyTemplates", list}});
}

LineKeyTemplate* template_of(Context& ctx) {
  auto* t = ctx.state.template_by_id(ctx.param("templateId"));
  if (t == nullptr) send_error(ctx.res, 404, "Line key template not found.");
  return t;
}

void get_template(Context& ctx) {
  if (const auto* t = template_of(ctx)) {
    auto j = summary_json(*t);
    j["userReorderEnabled"] = t->user_reorder_enabled;
    j["lineKeys"] = t->line_keys;
    ctx.send_json(200, j);
  }
}

// Name and model cannot change (§6.8). wxc_sdk echoes both in its PUT, so equal values pass and
// a different one is a 400: a rename or a new model is a delete and create.
void update_template(Context& ctx) {
  auto* t = template_of(ctx);
  if (t == nullptr) return;
  auto body = object_body(ctx);
  if (!body) return;
  if (auto name = body->find("templateName"); name != body->end() && !name->is_null() && *name != t->name) {
    send_error(ctx.res, 400, "templateName cannot be changed.");
    return;
  }
  if (auto model = body->find("deviceModel"); model != body->end() && !model->is_null()) {
    const auto* m = model->is_string() ? ctx.state.org.catalog.find(model->get<std::string>()) : nullptr;
    if (m == nullptr || m->model != t->model) {
      send_error(ctx.res, 400, "deviceModel cannot be changed.");
      return;
    }
  }
  const auto* model = ctx.state.org.catalog.find(t->model);
  if (model == nullptr) {
    send_error(ctx.res, 400, "The template's model is no longer supported.");
    return;
  }
  LineKeyTemplate updated = *t;
  if (!read_keys(ctx, *body, *model, updated)) return;
  *t = std::move(updated);
  ctx.send_no_content();
}

void delete_template(Context& ctx) {
  auto* t = template_of(ctx);
  if (t == nullptr) return;
  const std::string uuid = t->uuid;
  std::erase_if(ctx.state.org.line_key_templates, [&](const LineKeyTemplate& x) { return x.uuid == uuid; });
  ctx.send_no_content();
}

void preview_apply(Context& ctx) {
  auto request = parse_apply_request(ctx);
  if (!request) return;
  ctx.send_json(200, {{"deviceCount", select_devices(ctx.state, *request).size()}});
}

}  // namespace

void add_line_key_template_routes(Router& router) {
  const std::string base = "/telephony/config/devices/lineKeyTemplates";
  router.add("POST", base, create_template);
  router.add("GET", base, list_templates);
  router.add("GET", base + "/{templateId}", get_template);
  router.add("PUT", base + "/{templateId}", update_template);
  router.add("DELETE", base + "/{templateId}", delete_template);
  router.add("POST", "/telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke", preview_apply);
}

}  // namespace wx::emulator
