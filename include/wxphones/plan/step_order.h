#pragma once
#include <vector>

#include "wxphones/plan/plan.h"

namespace wx {

// The one ordering table: templates -> phones created -> wait until online -> tags -> members ->
// layouts -> layout jobs -> settings from the widest scope to the narrowest (org/location jobs,
// person/workspace, device) -> apply changes -> rebuild -> deletes last. Within a phase: by
// location, then target, then id (so the organisation's job, location "", runs before locations').
enum class Phase {
  Templates = 5,  // created or updated before phones and jobs use them
  CreatePhones = 10,
  WaitOnline = 20,
  ConfigurePhones = 30,  // tags first: an apply-template job selects phones by tag
  Members = 35,          // lines before layouts: SHARED_LINE keys refer to them
  Layouts = 40,          // per-phone layout writes
  LayoutJobs = 45,       // apply-line-key-template jobs, one device job per org at a time
  ScopeSettings = 50,    // callDeviceSettings / dynamicDeviceSettings jobs, org before locations
  OwnerSettings = 55,    // person / workspace hoteling and compression
  DeviceSettings = 60,   // a phone's own customizations, dynamic settings, configurations
  ApplyChanges = 70,     // once per phone, after all its writes
  Rebuild = 80,          // rebuildPhones after a location's settings job
  DeletePhones = 90,
  DeleteTemplates = 95,  // after the phones that used them are gone
};

Phase phase_of(const Step& step);

// Sorts steps into execution order and checks every dependency points at an earlier step.
void order_steps(std::vector<Step>& steps);

}  // namespace wx
