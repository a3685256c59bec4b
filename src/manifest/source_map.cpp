#include "wxphones/manifest/source_map.h"

#include <cctype>

#include "wxphones/schema/json_pointer.h"

namespace wx::manifest {

namespace {

std::string parent_of(const std::string& pointer) {
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

std::string unescape(std::string token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out.push_back(token[i + 1] == '1' ? '/' : '~');
      ++i;
    } else {
      out.push_back(token[i]);
    }
  }
  return out;
}

bool is_identifier(const std::string& token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

bool is_index(const std::string& token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

void SourceMap::set_value(const std::string& pointer, SourceLocation where) {
  m_values[pointer] = std::move(where);
}

void SourceMap::set_key(const std::string& pointer, SourceLocation where) {
  m_keys[pointer] = std::move(where);
}

SourceLocation SourceMap::value_location(const std::string& pointer) const {
  std::string current = pointer;
  while (true) {
    auto it = m_values.find(current);
    if (it != m_values.end()) return it->second;
    if (current.empty()) return {};
    current = parent_of(current);
  }
}

SourceLocation SourceMap::key_location(const std::string& pointer) const {
  auto it = m_keys.find(pointer);
  if (it != m_keys.end()) return it->second;
  return value_location(pointer);
}

std::string field_path(const std::string& pointer) {
  std::string out;
  std::size_t pos = 0;
  while (pos < pointer.size()) {
    std::size_t next = pointer.find('/', pos + 1);
    if (next == std::string::npos) next = pointer.size();
    std::string token = unescape(pointer.substr(pos + 1, next - pos - 1));
    if (is_index(token)) {
      out += "[" + token + "]";
    } else if (is_identifier(token)) {
      if (!out.empty()) out += ".";
      out += token;
    } else {
      out += "[\"" + token + "\"]";
    }
    pos = next;
  }
  return out;
}

std::string pointer_append(const std::string& pointer, const std::string& token) {
  return schema::pointer_append(pointer, token);
}

}  // namespace wx::manifest
