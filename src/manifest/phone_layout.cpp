#include "manifest/phone_layout.h"

#include <algorithm>

#include "manifest/json_access.h"
#include "manifest/layout_keys.h"
#include "manifest/suggest.h"

namespace wx::manifest {

namespace {

const std::string kLayout = "/spec/layout";
constexpr const char* kInlineFields[] = {"layoutMode", "userReorderEnabled", "lineKeys", "kemModuleType",
                                         "kemKeys"};

std::string member_pointer(const char* field) {
  return pointer_append(kLayout, field);
}

std::string module_types_text(const DeviceModel& model) {
  return model.kem_module_types.empty() ? std::string("none") : quoted_alternatives(model.kem_module_types);
}

// kemModuleType and kemKeys: only on models with KEM support, of a module type the model lists.
void decode_kem(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& layout,
                const DeviceModel* model, LayoutKeyReader& reader, Layout& out) {
  const bool has_type = layout.contains("kemModuleType");
  const bool has_keys = layout.contains("kemKeys");
  if (!has_type && !has_keys) {
    return;
  }
  const std::string* module_type = string_member(layout, "kemModuleType");
  if (module_type != nullptr) {
    out.kem_module_type = *module_type;
  }
  int module_count = 0;
  bool kem_allowed = true;
  if (model != nullptr) {
    if (!model->kem_support) {
      kem_allowed = false;
      const std::string pointer = member_pointer(has_type ? "kemModuleType" : "kemKeys");
      ctx.error(
          has_type ? doc.at(pointer) : doc.locations.key_location(pointer), field_path(pointer),
          "model \"" + model->display_name + "\" takes no key expansion module (kemSupportEnabled is false)");
    } else {
      module_count = model->kem_module_count;
      const auto& listed = model->kem_module_types;
      if (module_type != nullptr && std::find(listed.begin(), listed.end(), *module_type) == listed.end()) {
        ctx.error(doc.at(member_pointer("kemModuleType")), "spec.layout.kemModuleType",
                  "model \"" + model->display_name + "\" takes " + module_types_text(*model) + ", not \"" +
                      *module_type + "\"");
      }
    }
  }
  if (has_keys && !has_type && kem_allowed) {
    std::string expected =
        model != nullptr ? " (model \"" + model->display_name + "\" takes " + module_types_text(*model) + ")"
                         : "";
    ctx.error(doc.locations.key_location(member_pointer("kemKeys")), "spec.layout.kemKeys",
              "kemKeys need kemModuleType, the kind of module they are on" + expected);
  }
  const int keys_per_module = module_type != nullptr ? kem_keys_per_module(*module_type) : 0;
  out.kem_keys = reader.kem_keys(member_pointer("kemKeys"), module_count, keys_per_module);
}

Layout decode_inline(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& layout,
                     const DeviceModel* model) {
  Layout out;
  const std::string* mode = string_member(layout, "layoutMode");
  if (!layout.contains("layoutMode")) {
    ctx.error(doc.locations.key_location(kLayout), "spec.layout.layoutMode",
              "missing layoutMode (DEFAULT or CUSTOM); or reference a template with {template: NAME}");
  }
  out.mode = mode != nullptr && *mode == "DEFAULT" ? LayoutMode::Default : LayoutMode::Custom;
  if (const nlohmann::json* reorder = member_of(layout, "userReorderEnabled");
      reorder != nullptr && reorder->is_boolean()) {
    out.user_reorder_enabled = reorder->get<bool>();
  }
  if (mode != nullptr && *mode == "DEFAULT") {
    // Webex discards keys sent with DEFAULT and reads them back absent: they could never match.
    for (const char* field : {"lineKeys", "kemModuleType", "kemKeys"}) {
      if (layout.contains(field)) {
        ctx.error(doc.locations.key_location(member_pointer(field)), field_path(member_pointer(field)),
                  "a DEFAULT layout takes no keys; use layoutMode: CUSTOM to set " + std::string(field));
      }
    }
    return out;
  }
  if (mode != nullptr && *mode == "CUSTOM" && !layout.contains("lineKeys")) {
    ctx.error(doc.at(member_pointer("layoutMode")), "spec.layout.layoutMode",
              "a CUSTOM layout needs lineKeys, starting with {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}");
  }
  LayoutKeyReader reader(doc, ctx, model);
  out.line_keys = reader.line_keys(member_pointer("lineKeys"));
  decode_kem(doc, ctx, layout, model, reader, out);
  reader.check_shared_line_indexes();
  return out;
}

}  // namespace

std::optional<PhoneLayout> decode_phone_layout(const ManifestDocument& doc, DecodeContext& ctx,
                                               const nlohmann::json& spec, const DeviceModel* model) {
  const nlohmann::json* layout = member_of(spec, "layout");
  if (layout == nullptr || !layout->is_object()) {
    return std::nullopt;
  }
  PhoneLayout out;
  out.where = doc.locations.key_location(kLayout);
  if (model != nullptr && !model->allow_configure_layout) {
    ctx.error(out.where, "spec.layout",
              "model \"" + model->display_name +
                  "\" does not let its line keys be configured (allowConfigureLayoutEnabled is false)");
  }
  if (layout->contains("template")) {
    std::vector<std::string> inline_fields;
    for (const char* field : kInlineFields) {
      if (layout->contains(field)) {
        inline_fields.push_back(field);
      }
    }
    if (!inline_fields.empty()) {
      const std::string pointer = member_pointer("template");
      std::string fields;
      for (std::size_t i = 0; i < inline_fields.size(); ++i) {
        fields += (i == 0 ? "" : (i + 1 == inline_fields.size() ? " and " : ", ")) + inline_fields[i];
      }
      ctx.error(
          doc.locations.key_location(pointer), field_path(pointer),
          "a layout is either {template: NAME} or inline (layoutMode, lineKeys, ...), not both; this one "
          "also has " +
              fields);
    }
    if (const std::string* name = string_member(*layout, "template")) {
      out.template_ref = *name;
    }
    return out;
  }
  out.inline_layout = decode_inline(doc, ctx, *layout, model);
  return out;
}

}  // namespace wx::manifest
