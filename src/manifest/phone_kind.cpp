// kind: Phone — one desk phone: model, onboarding (MAC or activation code), owner, tags, layout,
// settings (customizations, dynamic settings or configurations, as the model uses), members, hoteling.
#include "manifest/builtin_kinds.h"
#include "manifest/json_access.h"
#include "manifest/model_lookup.h"
#include "manifest/phone_layout.h"
#include "manifest/phone_members.h"
#include "manifest/phone_rules.h"
#include "manifest/phone_settings.h"
#include "manifest/settings_checks.h"
#include "wxphones/util/mac.h"

namespace wx::manifest {

namespace {

// The owner: exactly one of person or workspace, each offered only by some models.
void decode_owner(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& spec,
                  const DeviceModel* model, DesiredPhone& phone) {
  const nlohmann::json* owner = member_of(spec, "owner");
  if (owner == nullptr || !owner->is_object()) return;  // missing or not a mapping: the schema says so
  const std::string* person = string_member(*owner, "person");
  const std::string* workspace = string_member(*owner, "workspace");
  bool has_person = owner->contains("person");
  bool has_workspace = owner->contains("workspace");
  if (has_person && has_workspace) {
    ctx.error(doc.locations.key_location("/spec/owner"), "spec.owner",
              "has both person and workspace; a phone has exactly one owner");
    return;
  }
  if (!has_person && !has_workspace) {
    ctx.error(doc.locations.key_location("/spec/owner"), "spec.owner",
              "needs an owner: {person: EMAIL} or {workspace: NAME}");
    return;
  }
  if (person == nullptr && workspace == nullptr) return;  // wrong type: the schema says so
  phone.owner.kind = person != nullptr ? OwnerRef::Kind::Person : OwnerRef::Kind::Workspace;
  phone.owner.name = person != nullptr ? *person : *workspace;
  std::string pointer = person != nullptr ? "/spec/owner/person" : "/spec/owner/workspace";
  phone.owner.where = doc.at(pointer);
  const char* offered = person != nullptr ? "PEOPLE" : "PLACE";
  if (model != nullptr && !model->supports_owner(offered)) {
    ctx.error(phone.owner.where, field_path(pointer),
              "model \"" + model->display_name + "\" cannot be owned by a " +
                  (person != nullptr ? "person" : "workspace") + " (it supports " + offered_owners(*model) +
                  ")");
  }
}

void decode_onboarding(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& spec,
                       const DeviceModel* model, DesiredPhone& phone) {
  bool has_mac = spec.contains("mac");
  bool has_onboarding = spec.contains("onboarding");
  if (has_mac && has_onboarding) {
    ctx.error(doc.locations.key_location("/spec/onboarding"), "spec.onboarding",
              "a phone has either mac or onboarding: activationCode, not both");
    return;
  }
  if (!has_mac && !has_onboarding) {
    ctx.error(doc.locations.key_location("/spec"), "spec",
              "needs mac (a MAC address) or onboarding: activationCode");
    return;
  }
  if (const std::string* mac = string_member(spec, "mac")) {
    phone.onboarding = Onboarding::Mac;
    if (auto normalised = normalize_mac(*mac)) {
      phone.mac = *normalised;
    } else {
      ctx.error(doc.at("/spec/mac"), "spec.mac",
                "\"" + *mac + "\" is not a MAC address; expected 12 hex digits, e.g. 00:1B:54:AA:01:02");
    }
    if (model != nullptr && !model->supports_onboarding("MAC_ADDRESS")) {
      ctx.error(doc.at("/spec/mac"), "spec.mac",
                "model \"" + model->display_name + "\" cannot be added by MAC address (it offers " +
                    offered_onboarding(*model) + ")");
    }
  }
  const std::string* onboarding = string_member(spec, "onboarding");
  if (onboarding != nullptr && *onboarding == "activationCode") {
    phone.onboarding = Onboarding::ActivationCode;
    if (model != nullptr && !model->supports_onboarding("ACTIVATION_CODE")) {
      ctx.error(doc.at("/spec/onboarding"), "spec.onboarding",
                "model \"" + model->display_name + "\" cannot be added with an activation code (it offers " +
                    offered_onboarding(*model) + ")");
    }
  }
}

void decode_phone(const ManifestDocument& doc, DecodeContext& ctx) {
  DesiredPhone phone;
  phone.name = doc.name;
  phone.where = doc.kind_location();
  phone.field_locations = doc.field_locations();
  const nlohmann::json* spec = member_of(doc.body, "spec");
  if (spec == nullptr || !spec->is_object()) {
    ctx.desired.phones.push_back(std::move(phone));
    return;  // the schema reports a missing or malformed spec
  }
  const DeviceModel* model = nullptr;
  if (const std::string* written = string_member(*spec, "model"); written != nullptr && !written->empty()) {
    phone.model = *written;
    model = ctx.catalog.find(*written);
    if (model == nullptr)
      ctx.error(doc.at("/spec/model"), "spec.model", unknown_model_message(*written, ctx.catalog));
  }
  decode_onboarding(doc, ctx, *spec, model, phone);
  decode_owner(doc, ctx, *spec, model, phone);
  if (const nlohmann::json* tags = member_of(*spec, "tags"); tags != nullptr && tags->is_array()) {
    std::vector<std::string> values;
    for (const auto& tag : *tags) {
      if (tag.is_string()) values.push_back(tag.get<std::string>());
    }
    phone.tags = std::move(values);
  }
  phone.layout = decode_phone_layout(doc, ctx, *spec, model);
  decode_phone_settings(doc, ctx, *spec, model, phone);
  phone.members = decode_phone_members(doc, ctx, *spec, model, phone.owner);
  if (const nlohmann::json* hoteling = member_of(*spec, "hoteling");
      hoteling != nullptr && hoteling->is_object()) {
    phone.hoteling = decode_hoteling(*hoteling);
  }
  ctx.desired.phones.push_back(std::move(phone));
}

}  // namespace

void add_phone_kind(KindRegistry& registry) {
  registry.add(KindHandler{"Phone", "phone.schema.json", decode_phone, check_phones_together});
}

}  // namespace wx::manifest
