#pragma once
#include <string>
#include <vector>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/plan/plan.h"
#include "wxphones/plan/planner.h"

namespace wx {

// A phone whose layout must be written, as the phone planner found it.
struct LayoutChange {
  const DesiredPhone* phone = nullptr;
  const LiveDevice* twin = nullptr;  // nullptr: created by this plan
  PhoneRef ref;
  Layout layout;  // what to write
  std::string location;
  std::vector<std::string> depends_on;  // create, tags, wait steps of the phone
  bool after_online = false;            // depends on the online wait (PhoneOS)
};

// Every phone whose layout is managed, for the bulk decision (also those whose layout already matches).
struct TemplateUser {
  const DesiredPhone* phone = nullptr;
  const LiveDevice* twin = nullptr;
};

// Turns layout changes into steps: one apply-line-key-template job per template where the job's
// filters select exactly phones that use the template (and at least options.bulk_min_phones of them
// need the change); per-phone layout writes otherwise.
void plan_layouts(const DesiredState& desired, const LiveState& live, const PlanOptions& options,
                  const std::vector<LayoutChange>& changes, const std::vector<TemplateUser>& users, Plan& plan);

// The filters and selection of an exact job, or nullopt. Pure; exposed for tests.
std::optional<ApplyTemplateJob> exact_template_job(const DesiredTemplate& tmpl, const LineKeyTemplate& live_template,
                                                   const std::vector<TemplateUser>& users,
                                                   const std::vector<const LiveDevice*>& must_include,
                                                   const LiveState& live);

// The same for phones returning to their factory layouts (APPLY_DEFAULT_TEMPLATES).
std::optional<ApplyTemplateJob> exact_default_layouts_job(const std::vector<TemplateUser>& users,
                                                          const std::vector<const LiveDevice*>& must_include,
                                                          const LiveState& live);

// The name under which a factory-layouts job appears (ApplyTemplateJob::template_name).
inline constexpr const char* kFactoryLayouts = "factory layouts";

}  // namespace wx
