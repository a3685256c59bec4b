#include <map>

#include "markdown_parts.h"
#include "wxphones/plan/render.h"

namespace wx {

namespace {

using markdown::Detail;

constexpr std::size_t kTrimmedNoteLimit = 20;  // notes and diagnostics listed once detail is trimmed

std::map<std::string, std::vector<const Step*>> by_location(const Plan& plan) {
  std::map<std::string, std::vector<const Step*>> out;
  for (const auto& step : plan.steps) out[step.location].push_back(&step);
  return out;
}

std::string body(const std::map<std::string, std::vector<const Step*>>& sections, const Plan& plan,
                 Detail detail) {
  std::string out;
  if (detail == Detail::CountsOnly && !sections.empty()) out += "Changes per location:\n\n";
  for (const auto& [location, steps] : sections) out += markdown::location_section(location, steps, detail);
  if (detail == Detail::CountsOnly && !sections.empty()) out += "\n";
  out += markdown::notes_section(plan,
                                 detail == Detail::Full || detail == Detail::NoGrids ? 0 : kTrimmedNoteLimit);
  return out;
}

}  // namespace

std::string render_markdown(const Plan& plan) {
  return render_markdown(plan, MarkdownOptions{});
}

// Summary first, a warning when anything is destroyed, then one collapsible section per location.
std::string render_markdown(const Plan& plan, const MarkdownOptions& options) {
  const std::string head = markdown::head(plan);
  const auto sections = by_location(plan);
  std::string full = head + body(sections, plan, Detail::Full);
  if (full.size() <= options.budget) return full;

  const std::string hint =
      options.full_plan_hint.empty() ? "`wxphones plan --format json`" : options.full_plan_hint;
  const std::string trimmed = head + "> [!NOTE]\n> Details trimmed to fit " +
                              markdown::thousands(options.budget) + " characters; the full plan is in " +
                              hint + ".\n\n";
  for (Detail detail : {Detail::NoGrids, Detail::NoTables, Detail::CountsOnly}) {
    std::string text = trimmed + body(sections, plan, detail);
    if (text.size() <= options.budget) return text;
  }
  // Even the counts do not fit (thousands of locations): as many as fit, then how many are left.
  std::string text = trimmed + "Changes per location:\n\n";
  const std::string notes = markdown::notes_section(plan, kTrimmedNoteLimit);
  std::size_t left = sections.size();
  for (const auto& [location, steps] : sections) {
    std::string line = markdown::location_section(location, steps, Detail::CountsOnly);
    const std::size_t reserve = 64 + (notes.size() < options.budget / 4 ? notes.size() : 0);
    if (text.size() + line.size() + reserve > options.budget) break;
    text += line;
    --left;
  }
  if (left > 0) text += "- … and " + std::to_string(left) + " more locations\n";
  text += "\n";
  if (text.size() + notes.size() <= options.budget) text += notes;
  return text;
}

}  // namespace wx
