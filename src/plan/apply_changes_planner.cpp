#include "wxphones/plan/apply_changes_planner.h"

#include <algorithm>
#include <map>

#include "wxphones/plan/normalize.h"
#include "wxphones/plan/step_order.h"

namespace wx {

namespace {

// The phone a per-phone device-level write is about, or nullptr.
const PhoneRef* device_level_target(const Operation& operation) {
  if (const auto* op = std::get_if<SetPhoneMembers>(&operation)) return &op->phone;
  if (const auto* op = std::get_if<SetPhoneLayout>(&operation)) return &op->phone;
  if (const auto* op = std::get_if<SetPhoneCustomizations>(&operation)) return &op->phone;
  if (const auto* op = std::get_if<SetPhoneDynamicSettings>(&operation)) return &op->phone;
  if (const auto* op = std::get_if<PatchPhoneConfigurations>(&operation)) return &op->phone;
  return nullptr;
}

std::vector<std::string> with_marker(std::vector<std::string> tags) {
  tags.emplace_back(kApplyPendingTag);
  return normalize_tags(std::move(tags));
}

class ApplyChangesPlanner {
 public:
  ApplyChangesPlanner(const LiveState& live, const std::vector<InterruptedPhone>& interrupted, Plan& plan)
      : m_live(live), m_plan(plan) {
    for (const auto& phone : interrupted) m_interrupted.emplace(phone.ref.name, phone);
  }

  void run() {
    collect_writes();
    for (const auto& name : m_order) plan_phone(name);
  }

 private:
  struct Phone {
    PhoneRef ref;
    std::string location;
    std::vector<std::size_t> writes;  // indices of its device-level write steps
  };

  void collect_writes() {
    for (std::size_t i = 0; i < m_plan.steps.size(); ++i) {
      const PhoneRef* ref = device_level_target(m_plan.steps[i].operation);
      if (ref == nullptr) continue;
      auto [it, inserted] = m_phones.emplace(ref->name, Phone{*ref, m_plan.steps[i].location, {}});
      if (inserted) m_order.push_back(ref->name);
      it->second.writes.push_back(i);
    }
    for (const auto& [name, phone] : m_interrupted) {
      if (m_phones.emplace(name, Phone{phone.ref, phone.location, {}}).second) m_order.push_back(name);
    }
  }

  Step* find_step(const std::string& id) {
    for (auto& step : m_plan.steps) {
      if (step.id == id) return &step;
    }
    return nullptr;
  }

  Step* tags_step_of(const std::string& name) {
    for (auto& step : m_plan.steps) {
      const auto* op = std::get_if<SetPhoneTags>(&step.operation);
      if (op != nullptr && op->phone.name == name) return &step;
    }
    return nullptr;
  }

  // The phone's tags once this apply is done: the tags step's, else its live ones.
  std::vector<std::string> final_tags(const std::string& name, const PhoneRef& ref) {
    if (const Step* tags = tags_step_of(name)) return std::get<SetPhoneTags>(tags->operation).tags;
    if (auto it = m_interrupted.find(name); it != m_interrupted.end()) return it->second.tags;
    for (const auto& device : m_live.devices) {
      if (same_webex_id(device.id, ref.device_id)) return tags_without_marker(device.tags);
    }
    return {};
  }

  void plan_phone(const std::string& name) {
    const Phone& phone = m_phones.at(name);
    const DeviceModel* model = m_live.catalog.find(phone.ref.model);
    const bool interrupted = m_interrupted.contains(name);
    if (model == nullptr || !model->supports_apply_changes) {
      if (interrupted) clear_marker_only(phone);
      return;
    }
    const std::vector<std::string> tags_after = final_tags(name, phone.ref);
    std::vector<std::string> depends_on;
    for (std::size_t i : phone.writes) depends_on.push_back(m_plan.steps[i].id);

    // The marker is on before the first write: by the tags step when there is one (which would otherwise
    // take it off), else by a step of its own.
    std::string mark_id;
    if (Step* tags = tags_step_of(name)) {
      auto& op = std::get<SetPhoneTags>(tags->operation);
      op.tags = with_marker(op.tags);
      mark_id = tags->id;
    } else if (!interrupted) {
      mark_id = add_mark_step(phone, tags_after);
    }
    if (!mark_id.empty()) {
      const std::vector<std::string> mark_needs = find_step(mark_id)->depends_on;
      for (std::size_t i : phone.writes) {
        auto& deps = m_plan.steps[i].depends_on;
        // A write that need not wait (the lines of a new phone not yet online) does not wait for the
        // marker either: a phone that comes online for the first time fetches its whole configuration.
        const bool waits_as_long = std::all_of(
            mark_needs.begin(), mark_needs.end(),
            [&](const std::string& d) { return std::find(deps.begin(), deps.end(), d) != deps.end(); });
        if (waits_as_long && std::find(deps.begin(), deps.end(), mark_id) == deps.end())
          deps.push_back(mark_id);
      }
      depends_on.push_back(mark_id);
    }

    Step step;
    step.id = "phone." + name + ".apply-changes";
    step.action = Action::Run;
    step.kind = "Phone";
    step.target = name;
    step.location = phone.location;
    step.calls = {"POST /telephony/config/devices/{deviceId}/actions/applyChanges/invoke",
                  "PATCH /devices/{deviceId}"};
    step.depends_on = std::move(depends_on);
    step.reason = phone.writes.empty()
                      ? "an earlier apply stopped before this phone fetched its configuration"
                      : "the phone fetches its new configuration";
    step.operation = ApplyPhoneChanges{phone.ref, tags_after};
    m_plan.steps.push_back(std::move(step));
  }

  // A tags write of the phone: the marker on (before) or off.
  Step tag_step(const Phone& phone, const char* suffix, std::vector<std::string> before,
                std::vector<std::string> after, std::string reason) {
    Step step;
    step.id = "phone." + phone.ref.name + suffix;
    step.action = Action::Update;
    step.kind = "Phone";
    step.target = phone.ref.name;
    step.location = phone.location;
    step.before = {{"tags", before}};
    step.after = {{"tags", after}};
    step.calls = {"PATCH /devices/{deviceId}"};
    step.reason = std::move(reason);
    step.operation = SetPhoneTags{phone.ref, std::move(after)};
    return step;
  }

  std::string add_mark_step(const Phone& phone, const std::vector<std::string>& tags) {
    Step step = tag_step(phone, ".mark-pending", tags, with_marker(tags),
                         "marks the phone until it fetches its new configuration, so that an interrupted "
                         "apply is finished by the next run");
    // It needs what the writes need from earlier phases: the phone created, and online.
    for (std::size_t i : phone.writes) {
      for (const auto& dependency : m_plan.steps[i].depends_on) {
        // Not in the plan yet: the wait step, added last.
        const Step* before = find_step(dependency);
        if (before != nullptr && phase_of(*before) >= Phase::ConfigurePhones) continue;
        if (std::find(step.depends_on.begin(), step.depends_on.end(), dependency) == step.depends_on.end())
          step.depends_on.push_back(dependency);
      }
    }
    m_plan.steps.push_back(std::move(step));
    return m_plan.steps.back().id;
  }

  // A marked phone whose model has no applyChanges (the catalog changed since): only the marker goes.
  void clear_marker_only(const Phone& phone) {
    const auto& tags = m_interrupted.at(phone.ref.name).tags;
    m_plan.steps.push_back(tag_step(phone, ".unmark", with_marker(tags), tags,
                                    "an earlier apply left its marker on this phone"));
  }

  const LiveState& m_live;
  Plan& m_plan;
  std::map<std::string, InterruptedPhone> m_interrupted;
  std::map<std::string, Phone> m_phones;
  std::vector<std::string> m_order;
};

}  // namespace

void plan_apply_changes(const LiveState& live, const std::vector<InterruptedPhone>& interrupted, Plan& plan) {
  ApplyChangesPlanner(live, interrupted, plan).run();
}

}  // namespace wx
