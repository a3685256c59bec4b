#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/hoteling.h"
#include "wxphones/model/layout.h"
#include "wxphones/util/source_location.h"

namespace wx {

// What the manifests declare, after loading and offline validation. Plain values.

enum class Onboarding { Mac, ActivationCode };

struct OwnerRef {
  enum class Kind { Person, Workspace };
  Kind kind = Kind::Person;
  std::string name;  // a person's email (as written) or a workspace's display name
  SourceLocation where;
};

// A phone's `layout:`: a LineKeyTemplate by manifest name, or an inline layout.
struct PhoneLayout {
  std::optional<std::string> template_ref;  // metadata.name of a LineKeyTemplate manifest
  std::optional<Layout> inline_layout;
  SourceLocation where;
};

// One line on a phone besides its owner's (spec.members[]): a shared line appearance of a person
// (email) or a workspace (name). Fields not written take the defaults below.
struct MemberSpec {
  OwnerRef member;
  std::optional<int> port;  // nullopt: the next free port after the owner's line, in list order
  std::string line_type = "SHARED_CALL_APPEARANCE";
  std::optional<std::string> line_label;
  bool hotline_enabled = false;
  std::string hotline_destination;
  bool allow_call_decline_enabled = true;
  SourceLocation where;  // the list item
};

// spec.settings: the phone's own customizations (PUT .../devices/{id}/settings). Only the declared
// keys of `customizations` are managed.
struct PhoneSettingsSpec {
  std::optional<bool> custom_enabled;                        // nullopt: true when customizations are declared
  nlohmann::json customizations = nlohmann::json::object();  // {"mpp": {...}}
};

struct DesiredPhone {
  std::string name;                // metadata.name, unique among phones
  std::string model;               // as written: model string or display name
  std::optional<std::string> mac;  // normalised, 12 upper-case hex digits; set iff onboarding == Mac
  Onboarding onboarding = Onboarding::Mac;
  OwnerRef owner;
  std::optional<std::vector<std::string>> tags;                        // nullopt: tags are not managed
  std::optional<PhoneLayout> layout;                                   // nullopt: the layout is not managed
  std::optional<PhoneSettingsSpec> settings;                           // customizations family models only
  std::map<std::string, std::optional<std::string>> dynamic_settings;  // tag -> value; nullopt = CLEAR
  std::map<std::string, nlohmann::json> configurations;   // key -> value; null = revert to default
  std::optional<std::vector<MemberSpec>> members;         // nullopt: lines are not managed
  std::optional<Hoteling> hoteling;                       // the owner's hoteling (person or workspace)
  SourceLocation where;                                   // the document's `kind:` line
  std::map<std::string, SourceLocation> field_locations;  // "spec.model" -> where it was written
  const SourceLocation& location_of(const std::string& field) const;
};

// kind LineKeyTemplate. spec.templateName defaults to metadata.name.
struct DesiredTemplate {
  std::string name;  // metadata.name, what phones reference
  LineKeyTemplate spec;
  SourceLocation where;
  std::map<std::string, SourceLocation>
      field_locations;  // "spec.deviceModel", "spec.lineKeys[2].lineKeyValue", ...
  const SourceLocation& location_of(const std::string& field) const;
};

// kind DeviceSettings: settings of one scope. The scope decides which parts are allowed
// (WEBEX_API.md §6.6, §8): customizations and dynamicSettings at organization and location,
// customEnabled at location, compression at person and workspace.
struct SettingsScope {
  enum class Kind { Organization, Location, Workspace, Person };
  Kind kind = Kind::Organization;
  std::string name;  // location name, workspace name or person email; empty for the organization
  SourceLocation where;
};

struct DesiredScopeSettings {
  std::string name;  // metadata.name
  SettingsScope scope;
  std::optional<bool> custom_enabled;                        // location: locationCustomizationsEnabled
  nlohmann::json customizations = nlohmann::json::object();  // declared keys only; {} = not managed
  std::optional<std::string> compression;                    // "ON" | "OFF"
  // family ("Cisco 9800") -> tag -> value; nullopt = CLEAR the override at this scope
  std::map<std::string, std::map<std::string, std::optional<std::string>>> dynamic_settings;
  SourceLocation where;
  std::map<std::string, SourceLocation> field_locations;
  const SourceLocation& location_of(const std::string& field) const;
};

// kinds WorkspaceDevices and PersonDevices: the hoteling host settings of an owner's devices.
struct DesiredOwnerDevices {
  std::string name;  // metadata.name
  OwnerRef owner;
  Hoteling hoteling;
  SourceLocation where;
  std::map<std::string, SourceLocation> field_locations;
  const SourceLocation& location_of(const std::string& field) const;
};

struct PhonePruneScope {
  std::vector<std::string> locations;  // location names; empty means every location
  std::optional<std::string> tag;      // only phones carrying this tag
};

// spec.ignore[]: a field nobody manages here (another tool or the phone's user owns it). The planner
// removes it from the desired state, so it is neither reported as drift nor overwritten.
struct IgnoreRule {
  std::string kind;                 // Phone, LineKeyTemplate, DeviceSettings, WorkspaceDevices, PersonDevices
  std::optional<std::string> name;  // metadata.name of one manifest; nullopt: every manifest of the kind
  std::string field;                // as diagnostics write it: spec.dynamicSettings["%TAG%"]; and under it
  SourceLocation where;
  std::size_t index = 0;  // position in spec.ignore, for diagnostics
};

struct ProjectSpec {
  std::string name;
  std::optional<std::string> org_id;
  std::optional<PhonePruneScope> prune_phones;  // nullopt: never delete phones
  bool prune_templates =
      false;  // spec.prune.templates: delete templates no manifest declares and no phone uses
  // spec.rebuildPhones.afterLocationSettings: rebuild a location's phones after its settings job
  bool rebuild_after_location_settings = false;
  std::chrono::seconds device_online_wait{std::chrono::minutes(30)};
  std::chrono::seconds job_wait{std::chrono::minutes(20)};
  std::vector<IgnoreRule> ignore;
  SourceLocation where;
};

struct DesiredState {
  ProjectSpec project;  // defaults when the manifests hold no Project
  bool has_project = false;
  std::vector<DesiredPhone> phones;
  std::vector<DesiredTemplate> templates;
  std::vector<DesiredScopeSettings> scope_settings;
  std::vector<DesiredOwnerDevices> owner_devices;

  const DesiredTemplate* template_named(const std::string& name) const;  // by metadata.name; nullptr if none
};

}  // namespace wx
