#include "wxphones/plan/render.h"

namespace wx {

std::string summary_line(const PlanSummary& s) {
  std::string line = "Plan: " + std::to_string(s.add) + " to add, " + std::to_string(s.change) +
                     " to change, " + std::to_string(s.destroy) + " to destroy.";
  if (s.waits > 0) {
    line += " " + std::to_string(s.waits) + (s.waits == 1 ? " phone" : " phones") + " to wait for online.";
  }
  return line;
}

}  // namespace wx
