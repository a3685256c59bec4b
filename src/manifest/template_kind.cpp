// kind: LineKeyTemplate — a named set of line keys for one model, applied to phones by reference.
#include "manifest/builtin_kinds.h"
#include "manifest/json_access.h"
#include "manifest/layout_keys.h"
#include "manifest/model_lookup.h"
#include "manifest/template_rules.h"

namespace wx::manifest {

namespace {

void decode_template(const ManifestDocument& doc, DecodeContext& ctx) {
  DesiredTemplate desired;
  desired.name = doc.name;
  desired.where = doc.kind_location();
  desired.field_locations = doc.field_locations();
  desired.spec.template_name = doc.name;
  desired.spec.details_loaded = true;  // a declared template carries its keys
  const nlohmann::json* spec = member_of(doc.body, "spec");
  if (spec == nullptr || !spec->is_object()) {
    ctx.desired.templates.push_back(std::move(desired));
    return;  // the schema reports a missing or malformed spec
  }
  if (const std::string* name = string_member(*spec, "templateName")) {
    desired.spec.template_name = *name;
  }
  const DeviceModel* model = nullptr;
  if (const std::string* written = string_member(*spec, "deviceModel");
      written != nullptr && !written->empty()) {
    desired.spec.device_model = *written;
    model = ctx.catalog.find(*written);
    if (model == nullptr) {
      ctx.error(doc.at("/spec/deviceModel"), "spec.deviceModel",
                unknown_model_message(*written, ctx.catalog));
    } else {
      desired.spec.model_display_name = model->display_name;
      if (!model->allow_configure_layout) {
        ctx.error(doc.at("/spec/deviceModel"), "spec.deviceModel",
                  "model \"" + model->display_name +
                      "\" does not let its line keys be configured (allowConfigureLayoutEnabled is false)");
      }
    }
  }
  if (const nlohmann::json* reorder = member_of(*spec, "userReorderEnabled");
      reorder != nullptr && reorder->is_boolean()) {
    desired.spec.user_reorder_enabled = reorder->get<bool>();
  }
  LayoutKeyReader reader(doc, ctx, model);
  desired.spec.line_keys = reader.line_keys("/spec/lineKeys");
  reader.check_shared_line_indexes();
  ctx.desired.templates.push_back(std::move(desired));
}

}  // namespace

void add_line_key_template_kind(KindRegistry& registry) {
  registry.add(KindHandler{"LineKeyTemplate", "line-key-template.schema.json", decode_template,
                           check_templates_together});
}

}  // namespace wx::manifest
