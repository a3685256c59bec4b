#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/customizations.h"
#include "wxphones/model/device_configuration.h"
#include "wxphones/model/device_job.h"
#include "wxphones/model/device_members.h"
#include "wxphones/model/dynamic_settings.h"
#include "wxphones/model/hoteling.h"
#include "wxphones/model/layout.h"
#include "wxphones/plan/action.h"
#include "wxphones/util/diagnostic.h"

namespace wx {

// A phone as a plan refers to it: by manifest name, and by live id when it exists already.
struct PhoneRef {
  std::string name;       // manifest name; for a prune candidate, a name derived from the live device
  std::string device_id;  // empty until created
  std::string mac;        // normalised, empty for activation-code phones not yet activated
  std::string model;
  friend bool operator==(const PhoneRef&, const PhoneRef&) = default;
};

// The operations a step performs. The executor dispatches on the alternative; renderers show it.
struct CreatePhoneByMac {
  PhoneRef phone;
  std::string person_id;
  std::string workspace_id;
  std::string replaces_device_id;  // set for a replace: delete this device first
};
struct IssueActivationCode {
  PhoneRef phone;
  std::string person_id;
  std::string workspace_id;
  std::string replaces_device_id;
};
struct SetPhoneTags {
  PhoneRef phone;
  std::vector<std::string> tags;  // the complete list after the change
};
struct DeletePhone {
  PhoneRef phone;
};
struct WaitPhonesOnline {
  std::vector<PhoneRef> phones;
};
// Line key templates, by manifest name; the id is known for existing templates only.
struct CreateTemplate {
  std::string name;
  LineKeyTemplate body;
  std::string replaces_template_id;  // a changed model is delete + create
};
struct UpdateTemplate {
  std::string name;
  std::string template_id;
  LineKeyTemplate body;
};
struct DeleteTemplate {
  std::string name;
  std::string template_id;
};
// PUT .../devices/{id}/layout for one phone.
struct SetPhoneLayout {
  PhoneRef phone;
  Layout layout;
};
// One apply-line-key-template job instead of many layout writes, when its filters select exactly
// phones that use the template (checked against the live phones and the preview count).
struct ApplyTemplateJob {
  std::string template_name;  // manifest name
  ApplyTemplateRequest request;
  std::vector<PhoneRef> phones;  // the phones the filters select
  int expected_count = 0;        // what previewApplyLineKeyTemplate must confirm, and updatedCount match
};
// PUT .../devices/{id}/members: the complete line list after the change (full replacement).
struct SetPhoneMembers {
  PhoneRef phone;
  std::vector<DeviceMember> members;
};
// PUT .../devices/{id}/settings. `body.customizations` holds the declared keys only: the executor
// reads the phone's current settings right before the PUT and lays them over (the SDK's pattern),
// so keys nobody declared keep whatever value they have at that moment.
struct SetPhoneCustomizations {
  PhoneRef phone;
  ScopeCustomizations body;
};
// PUT .../devices/{id}/dynamicSettings: SET / CLEAR per tag.
struct SetPhoneDynamicSettings {
  PhoneRef phone;
  std::vector<DynamicSettingChange> changes;
};
// PATCH /deviceConfigurations?deviceId=: json-patch replace / remove.
struct PatchPhoneConfigurations {
  PhoneRef phone;
  std::string webex_device_id;  // DEVICE form; empty for a phone this apply creates
  std::vector<ConfigurationPatch> patch;
};
// POST .../devices/{id}/actions/applyChanges/invoke, once per phone after its device-level writes; then
// the phone's tags become `tags_after`, without kApplyPendingTag (normalize.h).
struct ApplyPhoneChanges {
  PhoneRef phone;
  std::vector<std::string> tags_after;
};
// Hoteling or compression of a person's or workspace's devices.
struct OwnerTarget {
  enum class Kind { Person, Workspace };
  Kind kind = Kind::Person;
  std::string id;
  std::string name;  // email or workspace name, for display
  friend bool operator==(const OwnerTarget&, const OwnerTarget&) = default;
};
struct SetOwnerHoteling {
  OwnerTarget owner;
  Hoteling hoteling;  // complete: live values with the declared ones laid over
};
struct SetOwnerCompression {
  OwnerTarget owner;
  std::string compression;  // ON | OFF
};
// callDeviceSettings: org or location customizations. Phones with their own customizations are
// not reached; the plan lists them.
struct DeviceSettingsJob {
  std::string scope_name;  // "organization" or the location name
  DeviceSettingsJobRequest request;
  std::vector<PhoneRef> not_reached;
};
// dynamicDeviceSettings: org or location tags of one or more families.
struct DynamicSettingsJob {
  std::string scope_name;
  DynamicSettingsJobRequest request;
  std::vector<PhoneRef> not_reached;  // phones with a device-level value for one of the tags
};
// rebuildPhones for one location.
struct RebuildPhonesJob {
  std::string location_name;
  std::string location_id;
};
using Operation =
    std::variant<CreatePhoneByMac, IssueActivationCode, SetPhoneTags, DeletePhone, WaitPhonesOnline,
                 CreateTemplate, UpdateTemplate, DeleteTemplate, SetPhoneLayout, ApplyTemplateJob,
                 SetPhoneMembers, SetPhoneCustomizations, SetPhoneDynamicSettings, PatchPhoneConfigurations,
                 ApplyPhoneChanges, SetOwnerHoteling, SetOwnerCompression, DeviceSettingsJob,
                 DynamicSettingsJob, RebuildPhonesJob>;

// One step of an ordered plan. `before`/`after` are normalised values for display and for the
// JSON plan: before is null for Create, after is null for Delete.
struct Step {
  std::string id;  // stable and unique within the plan: "phone.hq-reception.create"
  Action action = Action::Create;
  std::string kind;      // "Phone"
  std::string target;    // display name of the object: "hq-reception"
  std::string location;  // location name, for grouping in reports; may be empty
  nlohmann::json before;
  nlohmann::json after;
  std::vector<std::string> calls;       // the API calls it makes: "POST /devices"
  std::vector<std::string> depends_on;  // ids of steps that must finish first
  std::string reason;                   // display only, never used to decide anything
  Operation operation;
};

// Information that is not a change: phones waiting to come online, unmanaged differences.
struct PlanNote {
  std::string target;
  std::string message;
};

// Counts objects, not steps: a new phone whose tags are written after it is created is one add.
struct PlanSummary {
  int add = 0;
  int change = 0;
  int destroy = 0;
  int waits = 0;  // phones the apply will wait for
  int jobs = 0;   // Webex device jobs the apply will run
  bool has_changes() const { return add + change + destroy > 0; }
};

// Whether an operation starts a Webex device job (one runs per org at a time).
bool is_device_job(const Operation& operation);

struct Plan {
  std::vector<Step> steps;  // in execution order
  std::vector<PlanNote> notes;
  Diagnostics diagnostics;  // plan-time problems (unknown people, MACs in use...); errors block apply

  PlanSummary summary() const;
};

}  // namespace wx
