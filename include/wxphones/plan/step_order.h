#pragma once
#include <vector>

#include "wxphones/plan/plan.h"

namespace wx {

// The one ordering table: phones created -> wait until online -> configuration of phones ->
// deletes last. Within a phase: by location, then target, then id. Later issues add phases here.
enum class Phase {
  CreatePhones = 10,
  WaitOnline = 20,
  ConfigurePhones = 30,
  DeletePhones = 90,
};

Phase phase_of(const Step& step);

// Sorts steps into execution order and checks every dependency points at an earlier step.
void order_steps(std::vector<Step>& steps);

}  // namespace wx
