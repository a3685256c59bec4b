#include "wxphones/manifest/diagnostic_printer.h"

#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

namespace wx {

namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// The source line as it can be shown on a terminal: control characters and bytes that are not
// UTF-8 become '?', one per character, so columns stay where the reader counted them.
std::string printable(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    std::size_t length = c < 0x80             ? 1
                         : (c & 0xE0) == 0xC0 ? 2
                         : (c & 0xF0) == 0xE0 ? 3
                         : (c & 0xF8) == 0xF0 ? 4
                                              : 0;
    bool valid = length != 0 && i + length <= line.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(line[i + k]) & 0xC0) == 0x80;
    }
    if (!valid) {
      out.push_back('?');
      ++i;
    } else if (length == 1 && ((c < 0x20 && c != '\t') || c == 0x7F)) {
      out.push_back('?');
      ++i;
    } else {
      out.append(line, i, length);
      i += length;
    }
  }
  return out;
}

// Spaces up to the 1-based character `column`, keeping tabs so the caret lines up in a terminal.
std::string caret_padding(const std::string& line, int column) {
  std::string pad;
  int seen = 1;
  for (std::size_t i = 0; i < line.size() && seen < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte belongs to the previous character
    pad.push_back(c == '\t' ? '\t' : ' ');
    ++seen;
  }
  while (seen < column) {  // past the end of the line (a missing value at end of line)
    pad.push_back(' ');
    ++seen;
  }
  return pad;
}

std::string count_of(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void DiagnosticPrinter::add_source(const std::string& file, std::string_view text) {
  m_sources[file] = split_lines(text);
}

const std::vector<std::string>* DiagnosticPrinter::lines_of(const std::string& file) {
  auto it = m_sources.find(file);
  if (it == m_sources.end()) {
    std::optional<std::vector<std::string>> lines;
    std::ifstream in(file, std::ios::binary);
    if (in) {
      std::ostringstream content;
      content << in.rdbuf();
      lines = split_lines(content.str());
    }
    it = m_sources.emplace(file, std::move(lines)).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::string DiagnosticPrinter::render(const Diagnostic& d) {
  std::ostringstream out;
  const SourceLocation& at = d.where;
  if (at.known()) {
    out << at.file;
    if (at.line > 0) out << ":" << at.line << ":" << at.column;
    out << ": ";
  }
  out << (d.severity == Severity::Error ? "error: " : "warning: ");
  if (!d.field.empty()) out << d.field << ": ";
  out << d.message << "\n";
  if (at.known() && at.line > 0) {
    const std::vector<std::string>* lines = lines_of(at.file);
    if (lines != nullptr && static_cast<std::size_t>(at.line) <= lines->size()) {
      const std::string line = printable((*lines)[at.line - 1]);
      out << std::setw(5) << at.line << " | " << line << "\n";
      out << "      | " << caret_padding(line, std::max(at.column, 1)) << "^\n";
    }
  }
  return out.str();
}

void DiagnosticPrinter::print(std::ostream& out, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) out << render(d);
}

std::string diagnostics_summary(const Diagnostics& diagnostics) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::set<std::string> files;
  for (const auto& d : diagnostics) {
    (d.severity == Severity::Error ? errors : warnings)++;
    if (d.where.known()) files.insert(d.where.file);
  }
  if (errors == 0 && warnings == 0) return "";
  std::string text;
  if (errors > 0) text = count_of(errors, "error");
  if (warnings > 0) text += (text.empty() ? "" : " and ") + count_of(warnings, "warning");
  if (!files.empty()) text += " in " + count_of(files.size(), "file");
  return text;
}

}  // namespace wx
