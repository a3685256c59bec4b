#include "wxphones/manifest/yaml_reader.h"

#include <cmath>
#include <map>
#include <regex>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "wxphones/manifest/text_checks.h"

namespace wx::manifest {

namespace {

constexpr const char* kStrTag = "tag:yaml.org,2002:str";

// Stops the parser from inside the event handler once a document nests too deep.
struct TooDeep {};

bool any_of(const std::string& value, std::initializer_list<const char*> options) {
  for (const char* option : options) {
    if (value == option) return true;
  }
  return false;
}

constexpr std::size_t kMaxResolvedScalar = 400;

// YAML 1.2 core schema resolution of a plain scalar.
nlohmann::json resolve_plain(const std::string& value) {
  if (any_of(value, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (any_of(value, {"true", "True", "TRUE"})) return true;
  if (any_of(value, {"false", "False", "FALSE"})) return false;
  // libstdc++ matches a regex recursively, one stack frame per character: a 1 MB scalar would
  // overflow the stack. No number (or anything else to resolve) is that long; it stays text.
  if (value.size() > kMaxResolvedScalar) return value;
  static const std::regex decimal("[-+]?[0-9]+");
  static const std::regex octal("0o[0-7]+");
  static const std::regex hex("0x[0-9a-fA-F]+");
  static const std::regex floating("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  try {
    if (std::regex_match(value, decimal)) return std::stoll(value);
    if (std::regex_match(value, octal)) return std::stoll(value.substr(2), nullptr, 8);
    if (std::regex_match(value, hex)) return std::stoll(value.substr(2), nullptr, 16);
    if (std::regex_match(value, floating)) return std::stod(value);
  } catch (const std::out_of_range&) {
    return value;  // too large for a number: keep the text
  }
  if (any_of(value, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) return HUGE_VAL;
  if (any_of(value, {"-.inf", "-.Inf", "-.INF"})) return -HUGE_VAL;
  if (any_of(value, {".nan", ".NaN", ".NAN"})) return std::nan("");
  return value;
}

nlohmann::json resolve_scalar(const std::string& tag, const std::string& value) {
  if (tag == "!" || tag == kStrTag) return value;  // quoted, block or explicitly a string
  return resolve_plain(value);
}

class JsonBuilder : public YAML::EventHandler {
 public:
  JsonBuilder(std::string_view text, const std::string& file, Diagnostics& diagnostics)
      : m_file(file), m_diagnostics(diagnostics) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      m_lines.push_back(text.substr(start, end - start));
      if (end == text.size()) break;
      start = end + 1;
    }
  }

  std::vector<YamlDocument> documents;

  SourceLocation location(const YAML::Mark& mark) const {
    if (mark.is_null()) return SourceLocation{m_file, 0, 0};
    int column = mark.column + 1;
    if (mark.line >= 0 && static_cast<std::size_t>(mark.line) < m_lines.size()) {
      column = character_column(m_lines[mark.line], static_cast<std::size_t>(mark.column));
    }
    return SourceLocation{m_file, mark.line + 1, column};
  }

  // yaml-cpp 0.7 never consumes a stray ',' (or ']', '}') outside a flow collection: it reports one
  // empty document after another at the same place, forever. A second start there is that loop.
  bool stalled() const { return m_stalled; }
  YAML::Mark stall_mark() const { return m_last_start; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    m_stalled = m_started && mark.pos == m_last_start.pos;
    m_started = true;
    m_last_start = mark;
    m_document = YamlDocument{};
    m_document.start = location(mark);
    m_frames.clear();
    m_anchors.clear();
  }

  void OnDocumentEnd() override {
    if (!m_document.value.is_null()) documents.push_back(std::move(m_document));
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add_scalar(mark, anchor, nullptr); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = m_anchors.find(anchor);
    add_scalar(mark, 0, it == m_anchors.end() ? nlohmann::json() : it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    add_scalar(mark, anchor, resolve_scalar(tag, value));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, nlohmann::json::array());
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, nlohmann::json::object());
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    nlohmann::json value;
    std::string pointer;
    YAML::anchor_t anchor = 0;
    SourceLocation where;
    bool is_key = false;   // a collection used as a mapping key: reported, then dropped
    bool discard = false;  // the value of a duplicate or complex key: dropped
    bool has_key = false;  // a mapping that read its key and waits for the value
    std::string key;
    SourceLocation key_where;
    bool key_invalid = false;
    std::map<std::string, SourceLocation> keys;
  };

  void error(SourceLocation where, std::string field, std::string message) {
    m_diagnostics.push_back(
        Diagnostic{Severity::Error, std::move(where), std::move(field), std::move(message)});
  }

  // The next node is a mapping key (not a value).
  bool next_is_key() const {
    return !m_frames.empty() && m_frames.back().value.is_object() && !m_frames.back().has_key;
  }

  std::string child_pointer() const {
    const Frame& parent = m_frames.back();
    if (parent.value.is_array()) return pointer_append(parent.pointer, std::to_string(parent.value.size()));
    return pointer_append(parent.pointer, parent.key);
  }

  bool discarding() const {
    for (const Frame& f : m_frames) {
      if (f.is_key || f.discard) return true;
    }
    return false;
  }

  void add_scalar(const YAML::Mark& mark, YAML::anchor_t anchor, nlohmann::json value) {
    if (anchor != 0) m_anchors[anchor] = value;
    if (m_frames.empty()) {  // a document that is a single scalar
      m_document.value = std::move(value);
      m_document.locations.set_value("", location(mark));
      return;
    }
    if (next_is_key()) {
      accept_key(location(mark), value.is_string() ? value.get<std::string>() : value.dump(), false);
      return;
    }
    std::string pointer = child_pointer();
    if (!discarding() && !current_value_dropped()) m_document.locations.set_value(pointer, location(mark));
    insert(std::move(value));
  }

  bool current_value_dropped() const {
    const Frame& parent = m_frames.back();
    return parent.value.is_object() && parent.key_invalid;
  }

  void accept_key(SourceLocation where, std::string key, bool complex) {
    Frame& frame = m_frames.back();
    frame.has_key = true;
    frame.key = key;
    frame.key_where = where;
    frame.key_invalid = complex;
    if (complex || discarding()) return;
    std::string pointer = pointer_append(frame.pointer, key);
    auto [it, inserted] = frame.keys.emplace(key, where);
    if (!inserted) {
      const SourceLocation& first = it->second;
      error(where, field_path(pointer),
            "duplicate key \"" + key + "\"; first written at " + first.file + ":" +
                std::to_string(first.line) + ":" + std::to_string(first.column));
      frame.key_invalid = true;
      return;
    }
    m_document.locations.set_key(pointer, where);
  }

  void insert(nlohmann::json value) {
    Frame& parent = m_frames.back();
    if (parent.value.is_array()) {
      parent.value.push_back(std::move(value));
      return;
    }
    if (!parent.key_invalid) parent.value[parent.key] = std::move(value);
    parent.has_key = false;
    parent.key_invalid = false;
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, nlohmann::json empty) {
    Frame frame;
    frame.value = std::move(empty);
    frame.anchor = anchor;
    frame.where = location(mark);
    if (!m_frames.empty()) {
      if (next_is_key()) {
        frame.is_key = true;
        if (!discarding())
          error(location(mark), field_path(m_frames.back().pointer),
                "complex mapping keys are not supported");
      } else {
        frame.pointer = child_pointer();
        frame.discard = current_value_dropped();
      }
    }
    if (!discarding() && !frame.is_key && !frame.discard)
      m_document.locations.set_value(frame.pointer, location(mark));
    m_frames.push_back(std::move(frame));
    if (static_cast<int>(m_frames.size()) > kMaxDepth) {
      error(location(mark), "", "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
      throw TooDeep{};
    }
  }

  void close() {
    Frame frame = std::move(m_frames.back());
    m_frames.pop_back();
    if (frame.anchor != 0) m_anchors[frame.anchor] = frame.value;
    if (m_frames.empty()) {
      m_document.value = std::move(frame.value);
      return;
    }
    if (frame.is_key) {
      accept_key(frame.where, "", true);
      return;
    }
    insert(std::move(frame.value));
  }

  std::string m_file;
  Diagnostics& m_diagnostics;
  std::vector<std::string_view> m_lines;
  YamlDocument m_document;
  std::vector<Frame> m_frames;
  std::map<YAML::anchor_t, nlohmann::json> m_anchors;
  YAML::Mark m_last_start = YAML::Mark::null_mark();
  bool m_started = false;
  bool m_stalled = false;
};

}  // namespace

std::vector<YamlDocument> read_yaml_documents(std::string_view text, const std::string& file,
                                              Diagnostics& diagnostics) {
  std::istringstream stream{std::string(text)};
  JsonBuilder builder(text, file, diagnostics);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
      if (builder.stalled()) {
        const YAML::Mark mark = builder.stall_mark();
        const char c =
            mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text.size() ? text[mark.pos] : ' ';
        const std::string what = c > ' ' && c < 0x7F ? std::string("'") + c + "'" : std::string("character");
        diagnostics.push_back(Diagnostic{Severity::Error, builder.location(mark), "",
                                         "YAML syntax error: unexpected " + what +
                                             " outside a flow collection; expected a key, a value or ---"});
        break;
      }
    }
  } catch (const YAML::ParserException& e) {
    diagnostics.push_back(
        Diagnostic{Severity::Error, builder.location(e.mark), "", "YAML syntax error: " + e.msg});
  } catch (const TooDeep&) {
    // reported where it happened
  }
  return std::move(builder.documents);
}

}  // namespace wx::manifest
