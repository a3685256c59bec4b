#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace wx::conformance::detail {

// "/a/b/" -> {"a","b"}; a trailing slash and the query part are ignored; "/" -> {}.
inline std::vector<std::string> split_path(std::string_view path) {
  const auto query = path.find('?');
  if (query != std::string_view::npos) {
    path = path.substr(0, query);
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) {
      out.emplace_back(path.substr(start, end - start));
    }
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  return out;
}

}  // namespace wx::conformance::detail
