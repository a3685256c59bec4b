#include "wxphones/plan/plan.h"

#include <map>

namespace wx {

bool is_device_job(const Operation& operation) {
  return std::holds_alternative<ApplyTemplateJob>(operation) ||
         std::holds_alternative<DeviceSettingsJob>(operation) ||
         std::holds_alternative<DynamicSettingsJob>(operation) ||
         std::holds_alternative<RebuildPhonesJob>(operation);
}

PlanSummary Plan::summary() const {
  PlanSummary s;
  // The strongest action per object decides how it is counted.
  std::map<std::string, Action> per_object;
  for (const auto& step : steps) {
    if (step.action == Action::Wait) {
      if (const auto* wait = std::get_if<WaitPhonesOnline>(&step.operation)) {
        s.waits += static_cast<int>(wait->phones.size());
      }
      continue;
    }
    auto count = [&](const std::string& object, Action action) {
      auto [it, inserted] = per_object.emplace(object, action);
      if (!inserted && it->second == Action::Update) it->second = action;
    };
    if (is_device_job(step.operation)) ++s.jobs;
    if (step.action == Action::Run) continue;
    if (const auto* job = std::get_if<ApplyTemplateJob>(&step.operation)) {
      // A job changes the layouts of phones: they are what changes.
      for (const auto& phone : job->phones) count("Phone/" + phone.name, Action::Update);
      continue;
    }
    count(step.kind + "/" + step.target, step.action);
  }
  for (const auto& [object, action] : per_object) {
    switch (action) {
      case Action::Create:
        ++s.add;
        break;
      case Action::Update:
        ++s.change;
        break;
      case Action::Replace:
        ++s.add;
        ++s.destroy;
        break;
      case Action::Delete:
        ++s.destroy;
        break;
      case Action::Wait:
      case Action::Run:
        break;
    }
  }
  return s;
}

}  // namespace wx
