#include "wxphones/plan/step_order.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <tuple>

namespace wx {

namespace {

struct PhaseOf {
  Phase operator()(const CreatePhoneByMac&) const { return Phase::CreatePhones; }
  Phase operator()(const IssueActivationCode&) const { return Phase::CreatePhones; }
  Phase operator()(const WaitPhonesOnline&) const { return Phase::WaitOnline; }
  Phase operator()(const SetPhoneTags&) const { return Phase::ConfigurePhones; }
  Phase operator()(const DeletePhone&) const { return Phase::DeletePhones; }
  Phase operator()(const CreateTemplate&) const { return Phase::Templates; }
  Phase operator()(const UpdateTemplate&) const { return Phase::Templates; }
  Phase operator()(const DeleteTemplate&) const { return Phase::DeleteTemplates; }
  Phase operator()(const SetPhoneLayout&) const { return Phase::Layouts; }
  Phase operator()(const ApplyTemplateJob&) const { return Phase::LayoutJobs; }
  Phase operator()(const SetPhoneMembers&) const { return Phase::Members; }
  Phase operator()(const DeviceSettingsJob&) const { return Phase::ScopeSettings; }
  Phase operator()(const DynamicSettingsJob&) const { return Phase::ScopeSettings; }
  Phase operator()(const SetOwnerHoteling&) const { return Phase::OwnerSettings; }
  Phase operator()(const SetOwnerCompression&) const { return Phase::OwnerSettings; }
  Phase operator()(const SetPhoneCustomizations&) const { return Phase::DeviceSettings; }
  Phase operator()(const SetPhoneDynamicSettings&) const { return Phase::DeviceSettings; }
  Phase operator()(const PatchPhoneConfigurations&) const { return Phase::DeviceSettings; }
  Phase operator()(const ApplyPhoneChanges&) const { return Phase::ApplyChanges; }
  Phase operator()(const RebuildPhonesJob&) const { return Phase::Rebuild; }
};

}  // namespace

Phase phase_of(const Step& step) {
  return std::visit(PhaseOf{}, step.operation);
}

void order_steps(std::vector<Step>& steps) {
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return std::make_tuple(phase_of(a), a.location, a.target, a.id) <
           std::make_tuple(phase_of(b), b.location, b.target, b.id);
  });
  std::set<std::string> seen;
  for (const auto& step : steps) {
    for (const auto& dependency : step.depends_on) {
      if (!seen.contains(dependency)) {
        // A planner bug, never a user error: the phase table and the dependencies disagree.
        throw std::logic_error("plan step " + step.id + " depends on " + dependency +
                               ", which does not run before it");
      }
    }
    seen.insert(step.id);
  }
}

}  // namespace wx
