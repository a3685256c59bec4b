#include "wxphones/util/field_path.h"

#include <algorithm>
#include <cctype>

namespace wx {

namespace {

std::string unescape(const std::string& token) {
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

std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::vector<std::string>> split_field_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      if (i + 1 < path.size() && path[i + 1] == '"') {
        const std::size_t close = path.find("\"]", i + 2);
        if (close == std::string_view::npos || close == i + 2) return std::nullopt;
        out.emplace_back(path.substr(i + 2, close - i - 2));
        i = close + 2;
      } else {
        const std::size_t close = path.find(']', i + 1);
        if (close == std::string_view::npos || close == i + 1) return std::nullopt;
        std::string_view index = path.substr(i + 1, close - i - 1);
        if (!std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return std::nullopt;
        out.emplace_back(index);
        i = close + 1;
      }
    } else {
      if (!out.empty()) {
        if (path[i] != '.') return std::nullopt;
        ++i;
      }
      std::size_t end = i;
      while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
      if (end == i) return std::nullopt;
      out.emplace_back(path.substr(i, end - i));
      i = end;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace wx
