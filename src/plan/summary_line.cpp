#include "wxphones/plan/render.h"
#include "wxphones/util/count_text.h"

namespace wx {

std::string summary_line(const PlanSummary& s) {
  std::string line = "Plan: " + std::to_string(s.add) + " to add, " + std::to_string(s.change) +
                     " to change, " + std::to_string(s.destroy) + " to destroy.";
  if (s.waits > 0) {
    line += " " + count_text(static_cast<std::size_t>(s.waits), "phone") + " to wait for online.";
  }
  return line;
}

}  // namespace wx
