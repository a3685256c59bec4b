#include <set>
#include <sstream>

#include "markdown_parts.h"
#include "wxphones/plan/render.h"
#include "wxphones/util/count_text.h"

namespace wx::markdown {

namespace {

constexpr std::size_t kMaxNames = 10;  // names listed in the head; the rest are counted

std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kMaxNames; ++i)
    out += (i ? ", " : "") + html_escape(names[i]);
  if (names.size() > kMaxNames) out += " and " + std::to_string(names.size() - kMaxNames) + " more";
  return out;
}

std::vector<std::string> not_reached(const Plan& plan) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto add = [&](const std::vector<PhoneRef>& phones) {
    for (const auto& p : phones) {
      if (seen.insert(p.name).second) names.push_back(p.name);
    }
  };
  for (const auto& step : plan.steps) {
    if (const auto* job = std::get_if<DeviceSettingsJob>(&step.operation)) add(job->not_reached);
    if (const auto* job = std::get_if<DynamicSettingsJob>(&step.operation)) add(job->not_reached);
  }
  return names;
}

}  // namespace

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string head(const Plan& plan) {
  std::ostringstream out;
  const PlanSummary s = plan.summary();
  // summary_line() already names the phones to wait for.
  out << "### wxphones plan\n\n**" << summary_line(s) << "**\n";
  if (s.jobs > 0) out << "\n- " << count_text(static_cast<std::size_t>(s.jobs), "device job") << " to run";
  const auto unreached = not_reached(plan);
  if (!unreached.empty()) {
    out << "\n- " << count_text(unreached.size(), "phone")
        << " a scope change will not reach (they have their own values): " << name_list(unreached);
  }
  std::size_t errors = 0;
  for (const auto& d : plan.diagnostics) errors += d.severity == Severity::Error ? 1 : 0;
  if (errors > 0) out << "\n- **" << count_text(errors, "plan error") << "**: apply is blocked until fixed";
  out << "\n\n";
  if (s.destroy > 0) {
    std::vector<std::string> deleted;
    for (const auto& step : plan.steps) {
      if (step.action == Action::Delete) deleted.push_back(step.kind + " " + step.target);
    }
    out << "> [!WARNING]\n> **Warning**: this plan destroys "
        << count_text(static_cast<std::size_t>(s.destroy), "object") << " in Webex";
    if (!deleted.empty()) out << ": " << name_list(deleted);
    out << ".\n\n";
  }
  if (plan.steps.empty()) out << "No changes. The organisation matches the manifests.\n\n";
  return out.str();
}

std::string notes_section(const Plan& plan, std::size_t limit) {
  if (plan.notes.empty() && plan.diagnostics.empty()) return "";
  std::ostringstream out;
  auto more = [&](std::size_t total) {
    if (limit > 0 && total > limit) out << "- … and " << total - limit << " more\n";
  };
  if (!plan.diagnostics.empty()) {
    out << "#### Plan errors and warnings\n\n";
    std::size_t i = 0;
    for (const auto& d : plan.diagnostics) {
      if (limit > 0 && i++ >= limit) break;
      out << "- " << (d.severity == Severity::Error ? "**error**" : "warning");
      if (!d.where.file.empty()) out << " `" << d.where.file << ":" << d.where.line << "`";
      if (!d.field.empty()) out << " " << d.field;
      out << ": " << html_escape(d.message) << "\n";
    }
    more(plan.diagnostics.size());
    out << "\n";
  }
  if (!plan.notes.empty()) {
    out << "<details><summary>Notes: " << plan.notes.size() << "</summary>\n\n";
    std::size_t i = 0;
    for (const auto& note : plan.notes) {
      if (limit > 0 && i++ >= limit) break;
      out << "- " << html_escape(note.target) << ": " << html_escape(note.message) << "\n";
    }
    more(plan.notes.size());
    out << "\n</details>\n";
  }
  return out.str();
}

}  // namespace wx::markdown
