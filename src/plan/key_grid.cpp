#include "wxphones/plan/key_grid.h"

#include <map>
#include <sstream>
#include <tuple>

namespace wx {

namespace {

struct KeyRow {
  std::string type, label, value;
  bool operator==(const KeyRow&) const = default;
};

// (module, index) -> row; module 0 holds the phone's own line keys.
using Grid = std::map<std::pair<int, int>, KeyRow>;

std::string text_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

Grid grid_of(const nlohmann::json& layout) {
  Grid grid;
  if (!layout.is_object()) return grid;
  for (const auto& k : layout.value("lineKeys", nlohmann::json::array())) {
    grid[{0, k.value("lineKeyIndex", 0)}] = {text_of(k, "lineKeyType"), text_of(k, "lineKeyLabel"), text_of(k, "lineKeyValue")};
  }
  for (const auto& k : layout.value("kemKeys", nlohmann::json::array())) {
    grid[{k.value("kemModuleIndex", 0), k.value("kemKeyIndex", 0)}] = {text_of(k, "kemKeyType"), text_of(k, "kemKeyLabel"),
                                                                      text_of(k, "kemKeyValue")};
  }
  return grid;
}

std::string mode_line(const nlohmann::json& before, const nlohmann::json& after) {
  auto describe = [](const nlohmann::json& l) {
    if (!l.is_object()) return std::string("(none)");
    std::string s = text_of(l, "layoutMode");
    if (l.contains("userReorderEnabled")) s += ", userReorderEnabled " + text_of(l, "userReorderEnabled");
    if (l.contains("kemModuleType")) s += ", " + text_of(l, "kemModuleType");
    return s;
  };
  const std::string b = describe(before), a = describe(after);
  return b == a ? a : b + " -> " + a;
}

// Every position either side has, in order, with a marker: "+" new, "-" gone, "~" changed, " " same.
std::vector<std::tuple<std::pair<int, int>, char, KeyRow, KeyRow>> rows_of(const nlohmann::json& before,
                                                                            const nlohmann::json& after) {
  const Grid b = grid_of(before), a = grid_of(after);
  std::map<std::pair<int, int>, int> positions;
  for (const auto& [pos, row] : b) positions[pos] = 0;
  for (const auto& [pos, row] : a) positions[pos] = 0;
  std::vector<std::tuple<std::pair<int, int>, char, KeyRow, KeyRow>> rows;
  for (const auto& [pos, unused] : positions) {
    const auto bi = b.find(pos), ai = a.find(pos);
    const KeyRow br = bi == b.end() ? KeyRow{} : bi->second;
    const KeyRow ar = ai == a.end() ? KeyRow{} : ai->second;
    const char mark = bi == b.end() ? '+' : ai == a.end() ? '-' : br == ar ? ' ' : '~';
    rows.emplace_back(pos, mark, br, ar);
  }
  return rows;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

std::string key_grid_text(const nlohmann::json& before, const nlohmann::json& after, const std::string& indent) {
  std::ostringstream out;
  out << indent << "layout: " << mode_line(before, after) << "\n";
  int module = -1;
  for (const auto& [pos, mark, b, a] : rows_of(before, after)) {
    if (pos.first != module) {
      module = pos.first;
      out << indent << (module == 0 ? "line keys" : "KEM module " + std::to_string(module)) << ":\n";
      out << indent << "    " << pad("key", 5) << pad("type", 22) << pad("label", 18) << "value\n";
    }
    const KeyRow& shown = mark == '-' ? b : a;
    out << indent << "  " << mark << " " << pad(std::to_string(pos.second), 5) << pad(shown.type, 22)
        << pad(shown.label, 18) << shown.value;
    if (mark == '~') out << "   (was " << b.type << (b.label.empty() ? "" : " " + b.label) << (b.value.empty() ? "" : " " + b.value) << ")";
    out << "\n";
  }
  return out.str();
}

std::string key_grid_markdown(const nlohmann::json& before, const nlohmann::json& after) {
  std::ostringstream out;
  out << "Layout: " << mode_line(before, after) << "\n\n";
  int module = -1;
  for (const auto& [pos, mark, b, a] : rows_of(before, after)) {
    if (pos.first != module) {
      module = pos.first;
      out << "\n" << (module == 0 ? "Line keys" : "KEM module " + std::to_string(module))
          << "\n\n| | key | type | label | value |\n|---|---|---|---|---|\n";
    }
    const KeyRow& shown = mark == '-' ? b : a;
    const std::string change = mark == '~' ? "`~`" : mark == '+' ? "`+`" : mark == '-' ? "`-`" : "";
    out << "| " << change << " | " << pos.second << " | " << shown.type << " | " << shown.label << " | " << shown.value;
    if (mark == '~') out << " (was " << b.type << (b.value.empty() ? "" : " " + b.value) << ")";
    out << " |\n";
  }
  return out.str();
}

}  // namespace wx
