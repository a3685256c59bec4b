#include "wxphones/conformance/yaml_json.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace wx::conformance {
namespace {

const std::string kTagPrefix = "tag:yaml.org,2002:";

bool is_null_word(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// YAML 1.2 core schema integers and floats; anything else is a string.
bool plain_number(const std::string& s, nlohmann::json& out) {
  static const std::regex kInt(R"([-+]?[0-9]+)");
  static const std::regex kHex(R"(0x[0-9a-fA-F]+)");
  static const std::regex kOct(R"(0o[0-7]+)");
  static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(s, kInt)) {
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    std::int64_t value = 0;
    if (std::from_chars(begin, s.data() + s.size(), value).ec == std::errc{}) {
      out = value;
      return true;
    }
    std::uint64_t big = 0;
    if (std::from_chars(begin, s.data() + s.size(), big).ec == std::errc{}) {
      out = big;
      return true;
    }
    out = std::stod(s);
    return true;
  }
  if (std::regex_match(s, kHex) || std::regex_match(s, kOct)) {
    std::uint64_t value = 0;
    if (std::from_chars(s.data() + 2, s.data() + s.size(), value, s[1] == 'x' ? 16 : 8).ec == std::errc{}) {
      out = value;
      return true;
    }
    return false;
  }
  if (std::regex_match(s, kFloat)) {
    out = std::stod(s);
    return true;
  }
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "-.inf" || s == ".nan" ||
      s == ".NaN" || s == ".NAN") {
    // JSON has no infinities or NaN; keep the text rather than invent a number.
    out = s;
    return true;
  }
  return false;
}

nlohmann::json scalar_to_json(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  const std::string& tag = node.Tag();
  if (tag == "!") {  // quoted, or a block scalar: always a string
    return text;
  }
  if (tag.rfind(kTagPrefix, 0) == 0 || tag.rfind("!!", 0) == 0) {
    const std::string kind = tag.rfind("!!", 0) == 0 ? tag.substr(2) : tag.substr(kTagPrefix.size());
    nlohmann::json number;
    if (kind == "str") {
      return text;
    }
    if (kind == "null") {
      return nullptr;
    }
    if (kind == "bool") {
      return text == "true" || text == "True" || text == "TRUE";
    }
    if ((kind == "int" || kind == "float") && plain_number(text, number)) {
      return number;
    }
    return text;
  }
  if (tag != "?") {  // an application tag we do not know: keep the text
    return text;
  }
  if (is_null_word(text)) {
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE") {
    return true;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    return false;
  }
  nlohmann::json number;
  if (plain_number(text, number)) {
    return number;
  }
  return text;
}

nlohmann::json node_to_json(const YAML::Node& node, int depth) {
  if (depth > 512) {
    throw std::runtime_error("YAML nests too deeply");
  }
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return nullptr;
    case YAML::NodeType::Scalar:
      return scalar_to_json(node);
    case YAML::NodeType::Sequence: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& item : node) {
        out.push_back(node_to_json(item, depth + 1));
      }
      return out;
    }
    case YAML::NodeType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& item : node) {
        // JSON keys are strings: `200:` and `'200':` both name the "200" response.
        const std::string key = item.first.IsScalar() ? item.first.Scalar() : YAML::Dump(item.first);
        out[key] = node_to_json(item.second, depth + 1);
      }
      return out;
    }
  }
  return nullptr;
}

}  // namespace

nlohmann::json yaml_to_json(const std::string& text) {
  try {
    return node_to_json(YAML::Load(text), 0);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(std::string("invalid YAML: ") + e.what());
  }
}

nlohmann::json yaml_file_to_json(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  try {
    return yaml_to_json(buffer.str());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
}

}  // namespace wx::conformance
