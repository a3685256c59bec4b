#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

struct DesiredPhone {
  std::string name;                // metadata.name, unique among phones
  std::string model;               // as written: model string or display name
  std::optional<std::string> mac;  // normalised, 12 upper-case hex digits; set iff onboarding == Mac
  Onboarding onboarding = Onboarding::Mac;
  OwnerRef owner;
  std::optional<std::vector<std::string>> tags;           // nullopt: tags are not managed
  std::optional<PhoneLayout> layout;                      // nullopt: the layout is not managed
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

struct PhonePruneScope {
  std::vector<std::string> locations;  // location names; empty means every location
  std::optional<std::string> tag;      // only phones carrying this tag
};

struct ProjectSpec {
  std::string name;
  std::optional<std::string> org_id;
  std::optional<PhonePruneScope> prune_phones;  // nullopt: never delete phones
  bool prune_templates =
      false;  // spec.prune.templates: delete templates no manifest declares and no phone uses
  std::chrono::seconds device_online_wait{std::chrono::minutes(30)};
  std::chrono::seconds job_wait{std::chrono::minutes(20)};
  SourceLocation where;
};

struct DesiredState {
  ProjectSpec project;  // defaults when the manifests hold no Project
  bool has_project = false;
  std::vector<DesiredPhone> phones;
  std::vector<DesiredTemplate> templates;

  const DesiredTemplate* template_named(const std::string& name) const;  // by metadata.name; nullptr if none
};

}  // namespace wx
