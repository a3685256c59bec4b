#pragma once
// Finding a plan's steps by id in planner tests.
#include <string>

#include "wxphones/plan/plan.h"

namespace wx::test {

inline const Step* find_step(const Plan& plan, const std::string& id) {
  for (const auto& s : plan.steps) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace wx::test
