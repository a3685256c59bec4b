#include <sstream>

#include "wxphones/plan/key_grid.h"
#include "wxphones/plan/render.h"
#include "wxphones/util/count_text.h"

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
    case Action::Run:
      return "\033[36m";
  }
  return "";
}

std::string show(const nlohmann::json& value) {
  if (value.is_null()) return "(none)";
  return value.dump();
}

// Layouts and template keys are drawn as key grids, not JSON.
nlohmann::json as_layout(const nlohmann::json& value, const std::string& key) {
  if (!value.is_object() || !value.contains(key) || value[key].is_null()) return nullptr;
  if (key == "layout") return value[key];
  return {{"layoutMode", "CUSTOM"}, {"lineKeys", value[key]}};
}

bool render_grid(std::ostringstream& out, const Step& step, const std::string& key) {
  const nlohmann::json& value = step.action == Action::Delete ? step.before : step.after;
  if (!value.is_object() || !value.contains(key)) return false;
  out << key_grid_text(step.action == Action::Create ? nlohmann::json() : as_layout(step.before, key),
                       as_layout(value, key), "        ");
  return true;
}

// The whole line list after a members change (a PUT replaces it).
void render_members(std::ostringstream& out, const nlohmann::json& members) {
  out << "        lines after the change:\n";
  for (const auto& m : members) {
    out << "          port " << m.value("port", 0) << "  " << m.value("lineType", std::string()) << "  "
        << m.value("name", m.value("id", std::string()));
    if (m.value("primaryOwner", false)) out << " (owner)";
    if (m.contains("lineLabel")) out << "  label \"" << m["lineLabel"].get<std::string>() << "\"";
    if (m.value("hotlineEnabled", false)) out << "  hotline " << m.value("hotlineDestination", std::string());
    out << "\n";
  }
}

void render_not_reached(std::ostringstream& out, const std::vector<PhoneRef>& phones) {
  if (phones.empty()) return;
  out << "        will not reach " << count_text(phones.size(), "phone") << " with their own values:";
  for (std::size_t i = 0; i < phones.size(); ++i) out << (i ? ", " : " ") << phones[i].name;
  out << "\n";
}

void render_fields(std::ostringstream& out, const Step& step) {
  if (const auto* job = std::get_if<DeviceSettingsJob>(&step.operation))
    render_not_reached(out, job->not_reached);
  if (const auto* job = std::get_if<DynamicSettingsJob>(&step.operation))
    render_not_reached(out, job->not_reached);
  if (step.after.is_object() && step.after.contains("members")) {
    render_members(out, step.after["members"]);
    return;
  }
  if (const auto* job = std::get_if<ApplyTemplateJob>(&step.operation)) {
    out << "        applies to " << job->expected_count << " phones with one job (locations "
        << job->request.location_ids.size() << ", tags "
        << nlohmann::json(job->request.include_device_tags).dump() << ")\n";
    render_grid(out, step, "layout");
    return;
  }
  // Both grids print (no short-circuit): a step may carry a layout and line keys.
  const bool layout_grid = render_grid(out, step, "layout");
  const bool keys_grid = render_grid(out, step, "lineKeys");
  const bool grid = layout_grid || keys_grid;
  if (step.action == Action::Update || step.action == Action::Replace) {
    // Only what differs, as before -> after.
    for (const auto& [key, after] : step.after.items()) {
      if (grid && (key == "layout" || key == "lineKeys")) continue;
      const nlohmann::json before =
          step.before.is_object() && step.before.contains(key) ? step.before[key] : nullptr;
      if (after.is_object() && (before.is_object() || before.is_null())) {
        // Settings maps (tag -> value, key -> value): one line per entry.
        for (const auto& [sub, value] : after.items()) {
          const nlohmann::json was = before.is_object() && before.contains(sub) ? before[sub] : nullptr;
          out << "      ~ " << key << "." << sub << ": " << show(was) << " -> " << show(value) << "\n";
        }
        continue;
      }
      if (before != after) out << "      ~ " << key << ": " << show(before) << " -> " << show(after) << "\n";
    }
    return;
  }
  const nlohmann::json& value = step.action == Action::Delete ? step.before : step.after;
  if (!value.is_object()) return;
  for (const auto& [key, field] : value.items()) {
    if (grid && (key == "layout" || key == "lineKeys")) continue;
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
