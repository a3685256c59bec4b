#include "wxphones/export/yaml_writer.h"

#include <regex>

#include <yaml-cpp/yaml.h>

namespace wx::exporter {

namespace {

// Plain scalars YAML would not read back as the same string.
bool needs_quotes(const std::string& s) {
  static const std::regex kAmbiguous(
      R"(^$|^[-+]?(\.?[0-9][0-9_.:eE+-]*|\.inf|\.nan)$|^(true|false|yes|no|on|off|y|n|null|~)$)",
      std::regex::icase);
  return std::regex_search(s, kAmbiguous) || s.front() == ' ' || s.back() == ' ';
}

bool is_small_flat_object(const Document& value) {
  if (!value.is_object() || value.empty() || value.size() > 6) return false;
  for (const auto& [key, v] : value.items()) {
    if (v.is_structured()) return false;
  }
  return true;
}

bool is_flat_array(const Document& value) {
  for (const auto& v : value) {
    if (v.is_structured()) return false;
  }
  return true;
}

void emit(YAML::Emitter& out, const Document& value) {
  switch (value.type()) {
    case Document::value_t::object:
      if (is_small_flat_object(value)) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& [key, v] : value.items()) {
        out << YAML::Key;
        if (needs_quotes(key)) out << YAML::DoubleQuoted;
        out << key << YAML::Value;
        emit(out, v);
      }
      out << YAML::EndMap;
      break;
    case Document::value_t::array:
      if (value.empty() || is_flat_array(value)) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& v : value) emit(out, v);
      out << YAML::EndSeq;
      break;
    case Document::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      if (needs_quotes(s)) out << YAML::DoubleQuoted;
      out << s;
      break;
    }
    case Document::value_t::boolean:
      out << value.get<bool>();
      break;
    case Document::value_t::number_integer:
      out << value.get<std::int64_t>();
      break;
    case Document::value_t::number_unsigned:
      out << value.get<std::uint64_t>();
      break;
    case Document::value_t::number_float:
      out << value.get<double>();
      break;
    default:
      out << YAML::Null;
      break;
  }
}

}  // namespace

std::string to_yaml(const ExportedFile& file) {
  std::string text = "# Written by wxphones export.\n";
  for (const auto& c : file.comments) text += "# " + c + "\n";
  for (const auto& doc : file.documents) {
    YAML::Emitter out;
    out.SetBoolFormat(YAML::TrueFalseBool);
    emit(out, doc);
    text += "---\n";
    text += out.c_str();
    text += "\n";
  }
  return text;
}

}  // namespace wx::exporter
