#include "wxphones/schema/json_pointer.h"

#include "wxphones/util/field_path.h"

#include <cctype>
#include <charconv>

namespace wx::schema {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string unescape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out.push_back(token[i + 1] == '0' ? '~' : '/');
      ++i;
    } else {
      out.push_back(token[i]);
    }
  }
  return out;
}

bool parse_index(const std::string& token, std::size_t& index) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) {
    return false;
  }
  for (char c : token) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  const auto result = std::from_chars(token.data(), token.data() + token.size(), index);
  return result.ec == std::errc{};
}

}  // namespace

std::string escape_pointer_token(std::string_view token) {
  return pointer_token(std::string(token));
}

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  std::size_t pos = 0;
  while (pos < pointer.size()) {
    std::size_t next = pointer.find('/', pos + 1);
    if (next == std::string_view::npos) next = pointer.size();
    const std::string_view raw = pointer.substr(pos + 1, next - pos - 1);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size()) {
        token.push_back(raw[i + 1] == '1' ? '/' : '~');
        ++i;
      } else {
        token.push_back(raw[i]);
      }
    }
    tokens.push_back(std::move(token));
    pos = next;
  }
  return tokens;
}

std::string pointer_append(const std::string& base, std::string_view token) {
  return base + "/" + escape_pointer_token(token);
}

std::string pointer_append(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

const nlohmann::json* resolve_pointer(const nlohmann::json& root, std::string_view pointer) {
  std::string text;
  if (!pointer.empty() && pointer.front() == '#') {
    text = percent_decode(pointer.substr(1));
  } else {
    text = std::string(pointer);
  }
  if (text.empty()) {
    return &root;
  }
  if (text.front() != '/') {
    return nullptr;
  }
  const nlohmann::json* node = &root;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = text.find('/', start);
    const std::string token = unescape_token(
        std::string_view(text).substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (node->is_object()) {
      const auto it = node->find(token);
      if (it == node->end()) {
        return nullptr;
      }
      node = &*it;
    } else if (node->is_array()) {
      std::size_t index = 0;
      if (!parse_index(token, index) || index >= node->size()) {
        return nullptr;
      }
      node = &(*node)[index];
    } else {
      return nullptr;
    }
    if (slash == std::string::npos) {
      return node;
    }
    start = slash + 1;
  }
}

}  // namespace wx::schema
