#include "wxphones/manifest/text_checks.h"

#include <cstdio>
#include <vector>

#include "wxphones/manifest/yaml_reader.h"

namespace wx::manifest {

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t length = 0;
  unsigned min = 0;
  unsigned code = 0;
  if ((c & 0xE0) == 0xC0) {
    length = 2, min = 0x80, code = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3, min = 0x800, code = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, code = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

struct Line {
  std::string_view text;
  int number;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  int number = 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, number++});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

Diagnostic error_at(const std::string& file, int line, int column, std::string message) {
  return Diagnostic{Severity::Error, SourceLocation{file, line, column}, "", std::move(message)};
}

// Skips a quoted scalar starting at line[i]; returns the index after its closing quote.
std::size_t skip_quoted(std::string_view line, std::size_t i) {
  char quote = line[i];
  for (std::size_t k = i + 1; k < line.size(); ++k) {
    if (quote == '"' && line[k] == '\\') {
      ++k;
    } else if (line[k] == quote) {
      if (quote == '\'' && k + 1 < line.size() && line[k + 1] == '\'') {
        ++k;
      } else {
        return k + 1;
      }
    }
  }
  return line.size();
}

}  // namespace

int character_column(std::string_view line, std::size_t byte_offset) {
  int column = 1;
  for (std::size_t i = 0; i < byte_offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

DepthEstimate estimate_nesting_depth(std::string_view text, int stop_above) {
  DepthEstimate deepest;
  std::vector<std::size_t> indents;  // columns of the open block collections
  int flow_depth = 0;
  bool in_block_scalar = false;
  std::size_t block_scalar_parent = 0;
  auto note = [&](const Line& line, std::size_t byte) {
    int depth = static_cast<int>(indents.size()) + flow_depth;
    if (depth > deepest.depth) {
      deepest = {depth, line.number, character_column(line.text, byte)};
    }
  };
  for (const Line& line : split_lines(text)) {
    std::string_view s = line.text;
    std::size_t indent = s.find_first_not_of(' ');
    if (in_block_scalar) {
      if (indent == std::string_view::npos || indent > block_scalar_parent) continue;
      in_block_scalar = false;
    }
    if (indent == std::string_view::npos || s[indent] == '#') continue;
    std::size_t i = indent;
    bool value_start = true;
    if (flow_depth == 0) {
      if (indent == 0 && (s.substr(0, 3) == "---" || s.substr(0, 3) == "...")) {
        indents.clear();
        i = 3;
      } else {
        while (!indents.empty() && indents.back() >= indent) indents.pop_back();
        indents.push_back(indent);
        note(line, indent);
        // "- - x": every further dash opens a sequence nested in the previous one.
        while (i < s.size() && s[i] == '-' && (i + 1 == s.size() || s[i + 1] == ' ')) {
          i = s.find_first_not_of(' ', i + 1);
          if (i == std::string_view::npos) i = s.size();
          if (i < s.size() && s[i] == '-' && (i + 1 == s.size() || s[i + 1] == ' ')) {
            indents.push_back(i);
            note(line, i);
          }
        }
      }
    }
    while (i < s.size()) {
      char c = s[i];
      if (c == ' ' || c == '\t') {
        ++i;
        continue;
      }
      if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) break;
      if ((c == '"' || c == '\'') && (value_start || flow_depth > 0)) {
        i = skip_quoted(s, i);
        value_start = false;
        continue;
      }
      if ((c == '[' || c == '{') && (value_start || flow_depth > 0)) {
        ++flow_depth;
        note(line, i);
        if (deepest.depth > stop_above) return deepest;
        value_start = true;
        ++i;
        continue;
      }
      if ((c == ']' || c == '}') && flow_depth > 0) {
        --flow_depth;
        value_start = false;
        ++i;
        continue;
      }
      if (c == ',' && flow_depth > 0) {
        value_start = true;
        ++i;
        continue;
      }
      if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || flow_depth > 0)) {
        value_start = true;
        ++i;
        continue;
      }
      if ((c == '&' || c == '!') && value_start) {  // anchor or tag before a node
        while (i < s.size() && s[i] != ' ') ++i;
        continue;
      }
      if ((c == '|' || c == '>') && value_start && flow_depth == 0) {
        in_block_scalar = true;
        block_scalar_parent = indent;
        break;
      }
      value_start = false;
      ++i;
    }
    if (deepest.depth > stop_above) return deepest;
  }
  return deepest;
}

bool check_manifest_text(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  // Binary and encoding first: nothing else is meaningful on such text.
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      diagnostics.push_back(error_at(file, line, character_column(text.substr(line_start), i - line_start),
                                     "binary content (NUL byte); a manifest must be UTF-8 text"));
      return false;
    }
    std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      diagnostics.push_back(
          error_at(file, line, character_column(text.substr(line_start), i - line_start),
                   std::string("invalid UTF-8 (byte ") + hex + "); a manifest must be UTF-8 text"));
      return false;
    }
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += length;
  }

  bool ok = true;
  for (const Line& l : split_lines(text)) {
    std::size_t end = l.text.find_first_not_of(" \t");
    if (end == std::string_view::npos) continue;  // blank lines may hold anything
    std::size_t tab = l.text.substr(0, end).find('\t');
    if (tab != std::string_view::npos && l.text[end] != '#') {
      diagnostics.push_back(error_at(file, l.number, character_column(l.text, tab),
                                     "tab character in indentation; YAML indents with spaces only"));
      ok = false;
    }
  }
  if (!ok) return false;

  DepthEstimate depth = estimate_nesting_depth(text, kMaxDepth);
  if (depth.depth > kMaxDepth) {
    diagnostics.push_back(error_at(file, depth.line, depth.column,
                                   "nesting deeper than " + std::to_string(kMaxDepth) + " levels"));
    return false;
  }
  return true;
}

}  // namespace wx::manifest
