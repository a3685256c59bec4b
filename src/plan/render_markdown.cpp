#include <map>
#include <sstream>

#include "wxphones/plan/key_grid.h"
#include "wxphones/plan/render.h"

namespace wx {

namespace {

std::string cell(const nlohmann::json& value) {
  if (value.is_null()) return "";
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  std::string out;
  for (char c : text) out += (c == '|') ? std::string("\\|") : std::string(1, c);
  return "`" + out + "`";
}

}  // namespace

// Summary first, a warning when anything is destroyed, then one collapsible section per location.
std::string render_markdown(const Plan& plan) {
  std::ostringstream out;
  const PlanSummary s = plan.summary();
  out << "### wxphones plan\n\n**" << summary_line(s) << "**\n\n";
  if (s.destroy > 0) {
    out << "> [!WARNING]\n> This plan deletes " << s.destroy << (s.destroy == 1 ? " object" : " objects")
        << " from Webex.\n\n";
  }
  if (plan.steps.empty()) out << "No changes. The organisation matches the manifests.\n";
  std::map<std::string, std::vector<const Step*>> by_location;
  for (const auto& step : plan.steps)
    by_location[step.location.empty() ? "(no location)" : step.location].push_back(&step);
  for (const auto& [location, steps] : by_location) {
    out << "<details><summary>" << location << ": " << steps.size()
        << (steps.size() == 1 ? " step" : " steps")
        << "</summary>\n\n| | object | change | fields |\n|---|---|---|---|\n";
    for (const Step* step : steps) {
      std::string fields;
      const nlohmann::json& value = step->action == Action::Delete ? step->before : step->after;
      if (value.is_object()) {
        for (const auto& [key, field] : value.items()) {
          const bool changed =
              !step->before.is_object() || !step->before.contains(key) || step->before[key] != field;
          if (step->action == Action::Update && !changed) continue;
          if (key == "layout") continue;  // drawn as a key grid below
          if (!fields.empty()) fields += "<br>";
          fields += key + ": ";
          if (step->action == Action::Update || step->action == Action::Replace) {
            fields +=
                cell(step->before.is_object() && step->before.contains(key) ? step->before[key] : nullptr) +
                " → ";
          }
          fields += cell(field);
        }
      }
      out << "| `" << glyph(step->action) << "` | " << step->kind << " " << step->target << " | "
          << verb(step->action) << " (" << step->reason << ") | " << fields << " |\n";
    }
    // Layout changes as key grids, below the table.
    for (const Step* step : steps) {
      if (!step->after.is_object() || !step->after.contains("layout")) continue;
      const nlohmann::json before = step->before.is_object() ? step->before.value("layout", nlohmann::json()) : nlohmann::json();
      out << "\n**" << step->kind << " " << step->target << "**\n\n" << key_grid_markdown(before, step->after["layout"]);
    }
    out << "\n</details>\n\n";
  }
  if (!plan.notes.empty()) {
    out << "<details><summary>Notes</summary>\n\n";
    for (const auto& note : plan.notes) out << "- " << note.target << ": " << note.message << "\n";
    out << "\n</details>\n";
  }
  return out.str();
}

}  // namespace wx
