#include <sstream>

#include "wxphones/plan/render.h"

namespace wx {

namespace {

const char* color_of(Action action) {
  switch (action) {
    case Action::Create:
      return "\033[32m";
    case Action::Update:
      return "\033[33m";
    case Action::Replace:
      return "\033[35m";
    case Action::Delete:
      return "\033[31m";
    case Action::Wait:
      return "\033[36m";
  }
  return "";
}

std::string show(const nlohmann::json& value) {
  if (value.is_null()) return "(none)";
  return value.dump();
}

void render_fields(std::ostringstream& out, const Step& step) {
  if (step.action == Action::Update || step.action == Action::Replace) {
    // Only what differs, as before -> after.
    for (const auto& [key, after] : step.after.items()) {
      const nlohmann::json before =
          step.before.is_object() && step.before.contains(key) ? step.before[key] : nullptr;
      if (before != after) out << "      ~ " << key << ": " << show(before) << " -> " << show(after) << "\n";
    }
    return;
  }
  const nlohmann::json& value = step.action == Action::Delete ? step.before : step.after;
  if (!value.is_object()) return;
  for (const auto& [key, field] : value.items()) {
    out << "        " << key << ": " << show(field) << "\n";
  }
}

}  // namespace

std::string render_text(const Plan& plan, const TextRenderOptions& options) {
  std::ostringstream out;
  const char* reset = options.color ? "\033[0m" : "";
  if (plan.steps.empty()) {
    out << "No changes. The organisation matches the manifests.\n";
  } else {
    out << "wxphones will perform the following actions:\n\n";
    for (const auto& step : plan.steps) {
      const char* color = options.color ? color_of(step.action) : "";
      if (step.action == Action::Wait) {
        out << "  " << color << glyph(step.action) << reset << " wait for " << step.target
            << " to come online: ";
        const auto& names = step.after.value("online", nlohmann::json::array());
        for (std::size_t i = 0; i < names.size(); ++i) out << (i ? ", " : "") << names[i].get<std::string>();
        out << "\n        (" << step.reason << ")\n\n";
        continue;
      }
      out << "  # " << step.kind << " " << step.target;
      if (!step.location.empty()) out << " [" << step.location << "]";
      out << ": " << verb(step.action) << " (" << step.reason << ")\n";
      out << "  " << color << glyph(step.action) << reset << " " << step.kind << " \"" << step.target
          << "\"\n";
      render_fields(out, step);
      out << "        via: ";
      for (std::size_t i = 0; i < step.calls.size(); ++i) out << (i ? ", " : "") << step.calls[i];
      out << "\n\n";
    }
  }
  if (!plan.notes.empty()) {
    out << "Notes (not changes):\n";
    for (const auto& note : plan.notes) out << "  " << note.target << ": " << note.message << "\n";
    out << "\n";
  }
  out << summary_line(plan.summary()) << "\n";
  return out.str();
}

}  // namespace wx
