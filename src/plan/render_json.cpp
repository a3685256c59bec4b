#include "wxphones/plan/layout_compare.h"
#include "wxphones/plan/render.h"

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
    nlohmann::json phones = nlohmann::json::array();
    for (const auto& p : op.phones) phones.push_back(ref_json(p));
    return {{"type", "waitPhonesOnline"}, {"phones", phones}};
  }
  nlohmann::json operator()(const CreateTemplate& op) const {
    nlohmann::json j = {{"type", "createTemplate"}, {"name", op.name}, {"template", template_json(op.body)}};
    if (!op.replaces_template_id.empty()) j["replacesTemplateId"] = op.replaces_template_id;
    return j;
  }
  nlohmann::json operator()(const UpdateTemplate& op) const {
    return {{"type", "updateTemplate"}, {"name", op.name}, {"templateId", op.template_id}, {"template", template_json(op.body)}};
  }
  nlohmann::json operator()(const DeleteTemplate& op) const {
    return {{"type", "deleteTemplate"}, {"name", op.name}, {"templateId", op.template_id}};
  }
  nlohmann::json operator()(const SetPhoneLayout& op) const {
    return {{"type", "setPhoneLayout"}, {"phone", ref_json(op.phone)}, {"layout", layout_to_json(op.layout)}};
  }
  nlohmann::json operator()(const ApplyTemplateJob& op) const {
    nlohmann::json phones = nlohmann::json::array();
    for (const auto& p : op.phones) phones.push_back(ref_json(p));
    nlohmann::json request = {{"action", op.request.action},
                              {"templateId", op.request.template_id},
                              {"locationIds", op.request.location_ids},
                              {"excludeDevicesWithCustomLayout", op.request.exclude_devices_with_custom_layout},
                              {"includeDeviceTags", op.request.include_device_tags},
                              {"excludeDeviceTags", op.request.exclude_device_tags}};
    return {{"type", "applyTemplateJob"}, {"template", op.template_name}, {"request", request},
            {"phones", phones}, {"expectedCount", op.expected_count}};
  }
  static nlohmann::json template_json(const LineKeyTemplate& t) {
    nlohmann::json j = {{"templateName", t.template_name}, {"deviceModel", t.device_model},
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
                     {"before", step.before},
                     {"after", step.after},
                     {"calls", step.calls},
                     {"dependsOn", step.depends_on},
                     {"reason", step.reason},
                     {"operation", std::visit(OperationJson{}, step.operation)}});
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
  return {
      {"formatVersion", kPlanFormatVersion},
      {"summary", {{"add", s.add}, {"change", s.change}, {"destroy", s.destroy}, {"waitOnline", s.waits}}},
      {"hasChanges", s.has_changes()},
      {"steps", steps},
      {"notes", notes},
      {"diagnostics", diagnostics}};
}

}  // namespace wx
