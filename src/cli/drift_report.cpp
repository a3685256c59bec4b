#include "cli/drift_report.h"

#include <sstream>

#include "wxphones/plan/render.h"

namespace wx::cli {

namespace {

std::string phone_line(const UnmanagedPhone& p) {
  std::string line = p.mac.empty() ? p.device_id : p.mac;
  if (!p.model.empty()) line += " " + p.model;
  if (!p.display_name.empty()) line += " \"" + p.display_name + "\"";
  if (!p.owner.empty()) line += ", owner " + p.owner;
  if (!p.location.empty()) line += ", location " + p.location;
  line += p.online ? ", online" : ", not online";
  return line;
}

}  // namespace

nlohmann::json drift_to_json(const Plan& plan, const std::vector<UnmanagedPhone>& unmanaged) {
  nlohmann::json planned = plan_to_json(plan);
  nlohmann::json phones = nlohmann::json::array();
  for (const auto& p : unmanaged) {
    phones.push_back({{"deviceId", p.device_id},
                      {"mac", p.mac},
                      {"model", p.model},
                      {"displayName", p.display_name},
                      {"location", p.location},
                      {"owner", p.owner},
                      {"online", p.online}});
  }
  return {{"formatVersion", kDriftFormatVersion},
          {"planFormatVersion", planned["formatVersion"]},
          {"drift", plan.summary().has_changes()},
          {"summary", planned["summary"]},
          {"steps", planned["steps"]},
          {"unmanagedPhones", phones},
          {"notes", planned["notes"]},
          {"diagnostics", planned["diagnostics"]}};
}

std::string render_drift_text(const Plan& plan, const std::vector<UnmanagedPhone>& unmanaged, bool color) {
  std::ostringstream out;
  out << render_text(plan, {color});
  if (!unmanaged.empty()) {
    out << "\nUnmanaged phones in the managed scope (" << unmanaged.size()
        << "; no manifest declares them, apply leaves them alone):\n";
    for (const auto& p : unmanaged) out << "  ? " << phone_line(p) << "\n";
  }
  out << "\n" << (plan.summary().has_changes() ? "Drift detected." : "No drift.") << "\n";
  return out.str();
}

std::string render_drift_markdown(const Plan& plan, const std::vector<UnmanagedPhone>& unmanaged) {
  std::ostringstream out;
  out << "## wxphones drift: " << (plan.summary().has_changes() ? "drift detected" : "no drift") << "\n\n";
  out << render_markdown(plan);
  if (!unmanaged.empty()) {
    out << "\n### Unmanaged phones (" << unmanaged.size() << ")\n\n"
        << "In the managed scope but declared by no manifest; apply leaves them alone.\n\n";
    for (const auto& p : unmanaged) out << "- `" << phone_line(p) << "`\n";
  }
  return out.str();
}

std::string fit_message(const std::string& markdown, std::size_t max_bytes) {
  if (markdown.size() <= max_bytes) return markdown;
  const std::string note = "\n\n_Report truncated (" + std::to_string(markdown.size()) +
                           " bytes): run `wxphones drift --format markdown` for all of it._\n";
  if (note.size() >= max_bytes) return {};
  std::size_t cut = max_bytes - note.size();
  // Whole lines when there is a line break to cut at; otherwise whole UTF-8 characters.
  const std::size_t line_end = markdown.rfind('\n', cut);
  if (line_end != std::string::npos && line_end > 0) {
    cut = line_end;
  } else {
    while (cut > 0 && (static_cast<unsigned char>(markdown[cut]) & 0xC0) == 0x80) --cut;
  }
  return markdown.substr(0, cut) + note;
}

}  // namespace wx::cli
