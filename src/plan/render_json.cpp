#include "wxphones/plan/layout_compare.h"
#include "wxphones/plan/render.h"
#include "wxphones/plan/settings_values.h"

namespace wx {

namespace {

nlohmann::json ref_json(const PhoneRef& ref) {
  nlohmann::json j = {{"name", ref.name}, {"model", ref.model}};
  if (!ref.device_id.empty()) j["deviceId"] = ref.device_id;
  if (!ref.mac.empty()) j["mac"] = ref.mac;
  return j;
}

struct OperationJson {
  nlohmann::json operator()(const CreatePhoneByMac& op) const {
    nlohmann::json j = {{"type", "createPhoneByMac"}, {"phone", ref_json(op.phone)}};
    owner(j, op.person_id, op.workspace_id);
    if (!op.replaces_device_id.empty()) j["replacesDeviceId"] = op.replaces_device_id;
    return j;
  }
  nlohmann::json operator()(const IssueActivationCode& op) const {
    nlohmann::json j = {{"type", "createActivationCode"}, {"phone", ref_json(op.phone)}};
    owner(j, op.person_id, op.workspace_id);
    if (!op.replaces_device_id.empty()) j["replacesDeviceId"] = op.replaces_device_id;
    return j;
  }
  nlohmann::json operator()(const SetPhoneTags& op) const {
    return {{"type", "setPhoneTags"}, {"phone", ref_json(op.phone)}, {"tags", op.tags}};
  }
  nlohmann::json operator()(const DeletePhone& op) const {
    return {{"type", "deletePhone"}, {"phone", ref_json(op.phone)}};
  }
  nlohmann::json operator()(const WaitPhonesOnline& op) const {
    return {{"type", "waitPhonesOnline"}, {"phones", refs_json(op.phones)}};
  }
  nlohmann::json operator()(const CreateTemplate& op) const {
    nlohmann::json j = {{"type", "createTemplate"}, {"name", op.name}, {"template", template_json(op.body)}};
    if (!op.replaces_template_id.empty()) j["replacesTemplateId"] = op.replaces_template_id;
    return j;
  }
  nlohmann::json operator()(const UpdateTemplate& op) const {
    return {{"type", "updateTemplate"},
            {"name", op.name},
            {"templateId", op.template_id},
            {"template", template_json(op.body)}};
  }
  nlohmann::json operator()(const DeleteTemplate& op) const {
    return {{"type", "deleteTemplate"}, {"name", op.name}, {"templateId", op.template_id}};
  }
  nlohmann::json operator()(const SetPhoneLayout& op) const {
    return {{"type", "setPhoneLayout"}, {"phone", ref_json(op.phone)}, {"layout", layout_to_json(op.layout)}};
  }
  nlohmann::json operator()(const ApplyTemplateJob& op) const {
    nlohmann::json request = {
        {"action", op.request.action},
        {"templateId", op.request.template_id},
        {"locationIds", op.request.location_ids},
        {"excludeDevicesWithCustomLayout", op.request.exclude_devices_with_custom_layout},
        {"includeDeviceTags", op.request.include_device_tags},
        {"excludeDeviceTags", op.request.exclude_device_tags}};
    return {{"type", "applyTemplateJob"},
            {"template", op.template_name},
            {"request", request},
            {"phones", refs_json(op.phones)},
            {"expectedCount", op.expected_count}};
  }
  nlohmann::json operator()(const SetPhoneMembers& op) const {
    return {
        {"type", "setPhoneMembers"}, {"phone", ref_json(op.phone)}, {"members", members_json(op.members)}};
  }
  nlohmann::json operator()(const SetPhoneCustomizations& op) const {
    nlohmann::json j = {{"type", "setPhoneCustomizations"},
                        {"phone", ref_json(op.phone)},
                        {"customizations", op.body.customizations}};
    if (op.body.custom_enabled) j["customEnabled"] = *op.body.custom_enabled;
    return j;
  }
  nlohmann::json operator()(const SetPhoneDynamicSettings& op) const {
    return {{"type", "setPhoneDynamicSettings"},
            {"phone", ref_json(op.phone)},
            {"tags", dynamic_json(op.changes)}};
  }
  nlohmann::json operator()(const PatchPhoneConfigurations& op) const {
    nlohmann::json j = {{"type", "patchPhoneConfigurations"},
                        {"phone", ref_json(op.phone)},
                        {"patch", configuration_patch_json(op.patch)}};
    if (!op.webex_device_id.empty()) j["webexDeviceId"] = op.webex_device_id;
    return j;
  }
  nlohmann::json operator()(const ApplyPhoneChanges& op) const {
    return {{"type", "applyPhoneChanges"}, {"phone", ref_json(op.phone)}, {"tagsAfter", op.tags_after}};
  }
  nlohmann::json operator()(const SetOwnerHoteling& op) const {
    return {{"type", "setOwnerHoteling"},
            {"owner", owner_json(op.owner)},
            {"hoteling", hoteling_json(op.hoteling)}};
  }
  nlohmann::json operator()(const SetOwnerCompression& op) const {
    return {
        {"type", "setOwnerCompression"}, {"owner", owner_json(op.owner)}, {"compression", op.compression}};
  }
  nlohmann::json operator()(const DeviceSettingsJob& op) const {
    nlohmann::json request = {{"customizations", op.request.customizations}};
    if (!op.request.location_id.empty()) request["locationId"] = op.request.location_id;
    if (op.request.location_customizations_enabled)
      request["locationCustomizationsEnabled"] = *op.request.location_customizations_enabled;
    return {{"type", "deviceSettingsJob"},
            {"scope", op.scope_name},
            {"request", request},
            {"notReached", refs_json(op.not_reached)}};
  }
  nlohmann::json operator()(const DynamicSettingsJob& op) const {
    nlohmann::json request = {{"tags", dynamic_json(op.request.tags)}};
    if (!op.request.location_id.empty()) request["locationId"] = op.request.location_id;
    return {{"type", "dynamicSettingsJob"},
            {"scope", op.scope_name},
            {"request", request},
            {"notReached", refs_json(op.not_reached)}};
  }
  nlohmann::json operator()(const RebuildPhonesJob& op) const {
    return {{"type", "rebuildPhonesJob"}, {"location", op.location_name}, {"locationId", op.location_id}};
  }
  static nlohmann::json refs_json(const std::vector<PhoneRef>& refs) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : refs) out.push_back(ref_json(p));
    return out;
  }
  static nlohmann::json owner_json(const OwnerTarget& owner) {
    return {{owner.kind == OwnerTarget::Kind::Person ? "personId" : "workspaceId", owner.id},
            {"name", owner.name}};
  }
  static nlohmann::json template_json(const LineKeyTemplate& t) {
    nlohmann::json j = {{"templateName", t.template_name},
                        {"deviceModel", t.device_model},
                        {"lineKeys", line_keys_to_json(t.line_keys)}};
    if (t.user_reorder_enabled) j["userReorderEnabled"] = *t.user_reorder_enabled;
    return j;
  }
  static void owner(nlohmann::json& j, const std::string& person_id, const std::string& workspace_id) {
    if (!person_id.empty()) j["personId"] = person_id;
    if (!workspace_id.empty()) j["workspaceId"] = workspace_id;
  }
};

}  // namespace

nlohmann::json plan_to_json(const Plan& plan) {
  const PlanSummary s = plan.summary();
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : plan.steps) {
    steps.push_back({{"id", step.id},
                     {"action", verb(step.action)},
                     {"kind", step.kind},
                     {"target", step.target},
                     {"location", step.location},
                     {"before", redact_secrets(step.before)},
                     {"after", redact_secrets(step.after)},
                     {"calls", step.calls},
                     {"dependsOn", step.depends_on},
                     {"reason", step.reason},
                     {"operation", redact_secrets(std::visit(OperationJson{}, step.operation))}});
  }
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& note : plan.notes) notes.push_back({{"target", note.target}, {"message", note.message}});
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& d : plan.diagnostics) {
    diagnostics.push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"},
                           {"file", d.where.file},
                           {"line", d.where.line},
                           {"column", d.where.column},
                           {"field", d.field},
                           {"message", d.message}});
  }
  return {{"formatVersion", kPlanFormatVersion},
          {"summary",
           {{"add", s.add},
            {"change", s.change},
            {"destroy", s.destroy},
            {"waitOnline", s.waits},
            {"jobs", s.jobs}}},
          {"hasChanges", s.has_changes()},
          {"steps", steps},
          {"notes", notes},
          {"diagnostics", diagnostics}};
}

}  // namespace wx
