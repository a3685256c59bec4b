#include <sstream>

#include "markdown_parts.h"
#include "wxphones/plan/key_grid.h"

namespace wx::markdown {

namespace {

std::string cell(const nlohmann::json& value) {
  if (value.is_null()) return "";
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '`') {
      out += '\'';
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return "`" + out + "`";
}

bool drawn_below(const std::string& key) {
  return key == "layout" || key == "lineKeys" || key == "members";
}

std::string fields_cell(const Step& step, Detail detail) {
  std::string fields;
  const nlohmann::json& value = step.action == Action::Delete ? step.before : step.after;
  if (!value.is_object()) return fields;
  for (const auto& [key, field] : value.items()) {
    const bool changed = !step.before.is_object() || !step.before.contains(key) || step.before[key] != field;
    if (step.action == Action::Update && !changed) continue;
    if (!fields.empty()) fields += "<br>";
    if (drawn_below(key)) {
      fields += key + (detail == Detail::Full || key == "members" ? ": see below" : ": (grid trimmed)");
      continue;
    }
    fields += key + ": ";
    if (step.action == Action::Update || step.action == Action::Replace) {
      fields +=
          cell(step.before.is_object() && step.before.contains(key) ? step.before[key] : nullptr) + " → ";
    }
    fields += cell(field);
  }
  return fields;
}

nlohmann::json as_layout(const nlohmann::json& value, const std::string& key) {
  if (!value.is_object() || !value.contains(key) || value[key].is_null()) return nullptr;
  if (key == "layout") return value[key];
  return {{"layoutMode", "CUSTOM"}, {"lineKeys", value[key]}};
}

// The whole line list after a members change: the PUT replaces it.
void members_list(std::ostringstream& out, const nlohmann::json& members) {
  out << "Lines after the change:\n\n";
  for (const auto& m : members) {
    out << "- port " << m.value("port", 0) << " " << m.value("lineType", std::string()) << " "
        << html_escape(m.value("name", m.value("id", std::string())));
    if (m.value("primaryOwner", false)) out << " (owner)";
    if (m.contains("lineLabel") && m["lineLabel"].is_string())
      out << ", label \"" << html_escape(m["lineLabel"].get<std::string>()) << "\"";
    if (m.value("hotlineEnabled", false))
      out << ", hotline " << html_escape(m.value("hotlineDestination", std::string()));
    out << "\n";
  }
}

void below_table(std::ostringstream& out, const Step& step, Detail detail) {
  const nlohmann::json& value = step.action == Action::Delete ? step.before : step.after;
  if (!value.is_object()) return;
  const std::string title = "\n**" + step.kind + " " + html_escape(step.target) + "**\n\n";
  if (value.contains("members") && value["members"].is_array()) {
    out << title;
    members_list(out, value["members"]);
  }
  for (const char* key : {"layout", "lineKeys"}) {
    if (!value.contains(key)) continue;
    if (detail == Detail::Full) {
      out << title
          << key_grid_markdown(step.action == Action::Create ? nlohmann::json() : as_layout(step.before, key),
                               as_layout(value, key));
    }
  }
}

}  // namespace

std::string location_section(const std::string& location, const std::vector<const Step*>& steps,
                             Detail detail) {
  std::ostringstream out;
  const std::string name = location.empty() ? "organization" : html_escape(location);
  const std::string count = std::to_string(steps.size()) + (steps.size() == 1 ? " change" : " changes");
  if (detail == Detail::CountsOnly) {
    int add = 0, change = 0, destroy = 0;
    for (const Step* step : steps) {
      add += step->action == Action::Create ? 1 : 0;
      change += (step->action == Action::Update || step->action == Action::Replace) ? 1 : 0;
      destroy += step->action == Action::Delete ? 1 : 0;
    }
    out << "- " << name << ": " << count << " (" << add << " create, " << change << " update, " << destroy
        << " delete)\n";
    return out.str();
  }
  out << "<details><summary>" << name << ": " << count << "</summary>\n\n";
  if (detail == Detail::NoTables) {
    for (const Step* step : steps) {
      out << "- `" << glyph(step->action) << "` " << step->kind << " " << html_escape(step->target) << ": "
          << verb(step->action) << " (" << html_escape(step->reason) << ")\n";
    }
  } else {
    out << "| | object | change | fields |\n|---|---|---|---|\n";
    for (const Step* step : steps) {
      out << "| `" << glyph(step->action) << "` | " << step->kind << " " << html_escape(step->target) << " | "
          << verb(step->action) << " (" << html_escape(step->reason) << ") | " << fields_cell(*step, detail)
          << " |\n";
    }
    for (const Step* step : steps) below_table(out, *step, detail);
  }
  out << "\n</details>\n\n";
  return out.str();
}

}  // namespace wx::markdown
