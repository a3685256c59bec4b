#include "wxphones/apply/executor.h"

#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

#include "apply/job_runner.h"
#include "apply/step_errors.h"
#include "wxphones/model/customizations.h"
#include "wxphones/plan/step_order.h"
#include "wxphones/util/parallel.h"
#include "wxphones/webex/api_error.h"

namespace wx {

namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;
using std::chrono::seconds;

class Execution {
 public:
  Execution(WebexApi& api, const ApplyOptions& options, ApplyObserver& observer, Clock& clock)
      : m_api(api), m_options(options), m_observer(observer), m_clock(clock) {}

  ApplyReport run(const Plan& plan) {
    std::size_t begin = 0;
    while (begin < plan.steps.size()) {
      std::size_t end = begin;
      const Phase phase = phase_of(plan.steps[begin]);
      bool jobs_only = true;
      while (end < plan.steps.size() && phase_of(plan.steps[end]) == phase) {
        jobs_only = jobs_only && is_device_job(plan.steps[end].operation);
        ++end;
      }
      // One device job runs per org at a time: a phase of jobs runs them one after another.
      parallel_for(end - begin, jobs_only ? 1 : m_options.parallelism,
                   [&](std::size_t i) { run_step(plan.steps[begin + i]); });
      begin = end;
    }
    ApplyReport report;
    for (const auto& step : plan.steps) report.outcomes.push_back(m_outcomes.at(step.id));
    report.activation_codes = m_codes;
    report.stopped_because = m_stopped_because;
    return report;
  }

 private:
  void run_step(const Step& step) {
    StepOutcome outcome{step.id, step.target, StepStatus::Done, "", ""};
    if (stopped()) {
      outcome.status = StepStatus::Skipped;
      outcome.message = "not attempted: apply stopped (" + stopped_reason() + ")";
      finish(step, outcome);
      return;
    }
    if (!dependencies_ready(step, outcome)) {
      finish(step, outcome);
      return;
    }
    try {
      t_step = &step;
      outcome.message = std::visit([&](const auto& op) { return perform(op); }, step.operation);
      if (std::holds_alternative<WaitPhonesOnline>(step.operation) && !m_wait_complete) {
        outcome.status = StepStatus::Pending;
      }
    } catch (const StepPending& e) {
      outcome.status = StepStatus::Pending;
      outcome.message = e.what();
    } catch (const StepFailed& e) {
      outcome.status = StepStatus::Failed;
      outcome.message = e.what();
      outcome.tracking_id = e.tracking_id;
    } catch (const ApiError& e) {
      outcome.status = StepStatus::Failed;
      outcome.message = e.what();
      outcome.tracking_id = e.tracking_id();
      // Every further call would be refused the same way: stop, and say what was done.
      if (e.status() == 401) stop("Webex rejected the access token");
    } catch (const std::exception& e) {
      outcome.status = StepStatus::Failed;
      outcome.message = e.what();
    }
    finish(step, outcome);
  }

  // A step runs only when what it depends on is done. A wait that timed out still lets through
  // the steps of phones that did come online.
  bool dependencies_ready(const Step& step, StepOutcome& outcome) {
    std::lock_guard lock(m_mutex);
    for (const auto& dependency : step.depends_on) {
      auto it = m_outcomes.find(dependency);
      if (it == m_outcomes.end()) throw std::logic_error("step " + step.id + " ran before " + dependency);
      const StepOutcome& before = it->second;
      if (before.status == StepStatus::Done) continue;
      if (before.status == StepStatus::Pending && m_online.contains(phone_name(step))) continue;
      outcome.status = before.status == StepStatus::Pending ? StepStatus::Pending : StepStatus::Skipped;
      outcome.message = before.status == StepStatus::Pending
                            ? "waits for " + dependency
                            : "not attempted: " + dependency + " did not succeed";
      return false;
    }
    return true;
  }

  void stop(const std::string& reason) {
    std::lock_guard lock(m_mutex);
    if (m_stopped_because.empty()) m_stopped_because = reason;
  }
  bool stopped() {
    std::lock_guard lock(m_mutex);
    return !m_stopped_because.empty();
  }
  std::string stopped_reason() {
    std::lock_guard lock(m_mutex);
    return m_stopped_because;
  }

  bool create_failed(const std::string& phone) {
    std::lock_guard lock(m_mutex);
    for (const char* kind : {".create", ".replace"}) {
      auto it = m_outcomes.find("phone." + phone + kind);
      if (it != m_outcomes.end() && it->second.status != StepStatus::Done) return true;
    }
    return false;
  }

  // The phone a per-phone step configures (its manifest name is the step's target).
  static std::string phone_name(const Step& step) { return step.target; }

  void finish(const Step& step, const StepOutcome& outcome) {
    {
      std::lock_guard lock(m_mutex);
      m_outcomes[step.id] = outcome;
    }
    m_observer.step_finished(step, outcome);
  }

  std::string device_id_of(const PhoneRef& phone) {
    std::lock_guard lock(m_mutex);
    auto it = m_device_ids.find(phone.name);
    return it != m_device_ids.end() ? it->second : phone.device_id;
  }

  void remember(const std::string& name, const std::string& device_id) {
    std::lock_guard lock(m_mutex);
    m_device_ids[name] = device_id;
  }

  std::string perform(const CreatePhoneByMac& op) {
    if (!op.replaces_device_id.empty()) m_api.delete_device(op.replaces_device_id);
    LiveDevice created =
        m_api.create_device_by_mac({op.phone.mac, op.phone.model, op.person_id, op.workspace_id});
    remember(op.phone.name, created.id);
    return std::string(op.replaces_device_id.empty() ? "created" : "replaced") + ", device id " + created.id;
  }

  std::string perform(const IssueActivationCode& op) {
    if (!op.replaces_device_id.empty()) m_api.delete_device(op.replaces_device_id);
    DeviceQuery owner_query;
    owner_query.person_id = op.person_id;
    owner_query.workspace_id = op.workspace_id;
    std::set<std::string> existing;
    for (const auto& d : m_api.list_devices(owner_query)) existing.insert(d.id);
    ActivationCode code =
        m_api.create_activation_code(CreateActivationCode{op.phone.model, op.person_id, op.workspace_id});
    IssuedActivationCode issued{op.phone.name, op.phone.model, code.code, code.expiry_time};
    {
      std::lock_guard lock(m_mutex);
      m_codes.push_back(issued);
    }
    m_observer.activation_code(issued);
    // The code's device is the one that was not there before.
    for (const auto& d : m_api.list_devices(owner_query)) {
      if (!existing.contains(d.id)) remember(op.phone.name, d.id);
    }
    return "activation code issued, expires " + code.expiry_time;
  }

  std::string perform(const SetPhoneTags& op) {
    const std::string id = device_id_of(op.phone);
    if (id.empty())
      throw std::runtime_error("the device of phone " + op.phone.name + " was not found in Webex");
    m_api.replace_device_tags(id, op.tags);
    return "tags set";
  }

  std::string perform(const CreateTemplate& op) {
    if (!op.replaces_template_id.empty()) m_api.delete_line_key_template(op.replaces_template_id);
    const std::string id = m_api.create_line_key_template(op.body);
    return std::string(op.replaces_template_id.empty() ? "created" : "replaced") + ", template id " + id;
  }

  std::string perform(const UpdateTemplate& op) {
    m_api.update_line_key_template(op.template_id, op.body);
    return "updated";
  }

  std::string perform(const DeleteTemplate& op) {
    m_api.delete_line_key_template(op.template_id);
    return "deleted";
  }

  std::string perform(const SetPhoneLayout& op) {
    const std::string id = device_id_of(op.phone);
    if (id.empty())
      throw std::runtime_error("the device of phone " + op.phone.name + " was not found in Webex");
    m_api.put_device_layout(id, op.layout);
    return "layout written";
  }

  std::string perform(const ApplyTemplateJob& op) {
    // The preview guards against touching phones the plan did not see.
    const int selected = m_api.preview_apply_line_key_template(op.request);
    if (selected != op.expected_count) {
      throw std::runtime_error("the job's filters now select " + std::to_string(selected) +
                               " phones, the plan expected " + std::to_string(op.expected_count) +
                               "; nothing was applied; run plan again");
    }
    DeviceJob job = run_job(JobFamily::ApplyLineKeyTemplate,
                            [&] { return m_api.start_apply_line_key_template_job(op.request); });
    if (job.updated_count && *job.updated_count != op.expected_count) {
      throw StepFailed("job " + job.id + " updated " + std::to_string(*job.updated_count) +
                           " phones, the preview said " + std::to_string(op.expected_count),
                       job.tracking_id);
    }
    return "job " + job.id + " completed: " + std::to_string(job.updated_count.value_or(op.expected_count)) +
           " phones updated";
  }

  DeviceJob run_job(JobFamily family, const std::function<DeviceJob()>& start) {
    const Step& step = *t_step;
    JobRunner runner(m_api, m_options, m_clock);
    return runner.run(family, start,
                      [&](const DeviceJob& job, bool queued) { m_observer.job_progress(step, job, queued); });
  }

  std::string perform(const DeviceSettingsJob& op) {
    return job_summary(
        run_job(JobFamily::CallDeviceSettings, [&] { return m_api.start_device_settings_job(op.request); }));
  }

  std::string perform(const DynamicSettingsJob& op) {
    return job_summary(run_job(JobFamily::DynamicDeviceSettings,
                               [&] { return m_api.start_dynamic_settings_job(op.request); }));
  }

  std::string perform(const RebuildPhonesJob& op) {
    return job_summary(
        run_job(JobFamily::RebuildPhones, [&] { return m_api.start_rebuild_phones_job(op.location_id); }));
  }

  std::string existing_device(const PhoneRef& phone) {
    const std::string id = device_id_of(phone);
    if (id.empty()) throw std::runtime_error("the device of phone " + phone.name + " was not found in Webex");
    return id;
  }

  std::string perform(const SetPhoneMembers& op) {
    m_api.put_device_members(existing_device(op.phone), op.members);
    return std::to_string(op.members.size()) + (op.members.size() == 1 ? " line" : " lines") + " set";
  }

  // The SDK's pattern: read the phone's settings now, lay the declared keys over them, write back,
  // so keys nobody declared keep the value they have at this moment.
  std::string perform(const SetPhoneCustomizations& op) {
    const std::string id = existing_device(op.phone);
    ScopeCustomizations current = m_api.get_device_customizations(id, op.phone.model);
    ScopeCustomizations body;
    body.custom_enabled = op.body.custom_enabled;
    body.customizations = overlay_json(current.customizations, op.body.customizations);
    m_api.put_device_customizations(id, op.phone.model, body);
    return "customizations written";
  }

  std::string perform(const SetPhoneDynamicSettings& op) {
    m_api.put_device_dynamic_settings(existing_device(op.phone), op.changes);
    return std::to_string(op.changes.size()) + " dynamic settings written";
  }

  std::string perform(const PatchPhoneConfigurations& op) {
    // /devices ids are the DEVICE form the configuration service takes; an existing phone's is in the plan.
    const std::string id = op.webex_device_id.empty() ? existing_device(op.phone) : op.webex_device_id;
    m_api.patch_device_configurations(id, op.patch);
    return std::to_string(op.patch.size()) + " configuration keys written";
  }

  std::string perform(const ApplyPhoneChanges& op) {
    const std::string id = existing_device(op.phone);
    m_api.apply_changes(id);
    m_api.replace_device_tags(id, op.tags_after);  // the marker goes only once the phone was told
    return "the phone was asked to apply its configuration";
  }

  std::string perform(const SetOwnerHoteling& op) {
    if (op.owner.kind == OwnerTarget::Kind::Person) {
      m_api.put_person_hoteling(op.owner.id, op.hoteling);
    } else {
      m_api.put_workspace_hoteling(op.owner.id, op.hoteling);
    }
    return "hoteling written";
  }

  std::string perform(const SetOwnerCompression& op) {
    if (op.owner.kind == OwnerTarget::Kind::Person) {
      m_api.put_person_device_settings(op.owner.id, {op.compression});
    } else {
      m_api.put_workspace_device_settings(op.owner.id, {op.compression});
    }
    return "compression " + op.compression;
  }

  std::string perform(const DeletePhone& op) {
    m_api.delete_device(op.phone.device_id);
    return "deleted";
  }

  std::string perform(const WaitPhonesOnline& given) {
    // A phone whose create failed is not waited for: its own steps are skipped through their create.
    WaitPhonesOnline op;
    for (const auto& phone : given.phones) {
      if (!create_failed(phone.name)) op.phones.push_back(phone);
    }
    const auto start = m_clock.now();
    const auto deadline = start + m_options.online_deadline;
    milliseconds interval = m_options.poll_initial;
    std::map<std::string, std::string> status;  // phone name -> last status
    while (true) {
      std::vector<std::string> ids;
      std::map<std::string, std::string> name_of;
      for (const auto& phone : op.phones) {
        const std::string id = device_id_of(phone);
        if (!id.empty()) {
          ids.push_back(id);
          name_of[id] = phone.name;
        }
      }
      for (const auto& device : m_api.get_devices_by_ids(ids)) {
        auto it = name_of.find(device.id);
        if (it == name_of.end()) continue;
        status[it->second] = device.activating() ? "activating" : device.connection_status;
        if (device.online()) {
          std::lock_guard lock(m_mutex);
          m_online.insert(it->second);
        }
      }
      std::vector<std::string> waiting;
      for (const auto& phone : op.phones) {
        std::lock_guard lock(m_mutex);
        if (!m_online.contains(phone.name)) {
          waiting.push_back(phone.name + " (" +
                            (status.contains(phone.name) ? status[phone.name] : "not visible yet") + ")");
        }
      }
      const auto elapsed = duration_cast<seconds>(m_clock.now() - start);
      const int online = static_cast<int>(op.phones.size() - waiting.size());
      std::string detail;
      for (const auto& w : waiting) detail += (detail.empty() ? "" : ", ") + w;
      m_observer.waiting(online, static_cast<int>(op.phones.size()), elapsed, m_options.online_deadline,
                         detail);
      if (waiting.empty()) {
        m_wait_complete = true;
        return std::to_string(online) + " online after " + std::to_string(elapsed.count()) + "s";
      }
      if (m_clock.now() >= deadline) {
        m_wait_complete = false;
        return std::to_string(waiting.size()) + " of " + std::to_string(op.phones.size()) +
               " phones not online after " + std::to_string(m_options.online_deadline.count()) +
               "s: " + detail + "; their configuration stays pending and the next apply continues";
      }
      m_clock.sleep_for(
          std::min(interval, duration_cast<milliseconds>(deadline - m_clock.now()) + milliseconds(1)));
      interval = std::min(interval * 2, m_options.poll_max);
    }
  }

  WebexApi& m_api;
  const ApplyOptions& m_options;
  ApplyObserver& m_observer;
  Clock& m_clock;
  std::mutex m_mutex;
  std::map<std::string, StepOutcome> m_outcomes;
  std::map<std::string, std::string> m_device_ids;  // phone name -> device id learnt while applying
  std::set<std::string> m_online;                   // phone names seen online
  std::vector<IssuedActivationCode> m_codes;
  std::string m_stopped_because;
  static thread_local const Step* t_step;  // the step this thread performs, for job progress
  bool m_wait_complete = true;
};

thread_local const Step* Execution::t_step = nullptr;

}  // namespace

ApplyReport execute_plan(const Plan& plan, WebexApi& api, const ApplyOptions& options,
                         ApplyObserver& observer, Clock& clock) {
  return Execution(api, options, observer, clock).run(plan);
}

}  // namespace wx
