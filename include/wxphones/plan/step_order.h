#pragma once
#include <vector>

#include "wxphones/plan/plan.h"

namespace wx {

// The one ordering table: templates -> phones created -> wait until online -> tags -> layouts ->
// layout jobs -> deletes last. Within a phase: by location, then target, then id. Later issues add phases here.
enum class Phase {
  Templates = 5,        // created or updated before phones and jobs use them
  CreatePhones = 10,
  WaitOnline = 20,
  ConfigurePhones = 30,  // tags first: an apply-template job selects phones by tag
  Layouts = 40,          // per-phone layout writes
  LayoutJobs = 45,       // apply-line-key-template jobs, one device job per org at a time
  DeletePhones = 90,
  DeleteTemplates = 95,  // after the phones that used them are gone
};

Phase phase_of(const Step& step);

// Sorts steps into execution order and checks every dependency points at an earlier step.
void order_steps(std::vector<Step>& steps);

}  // namespace wx
