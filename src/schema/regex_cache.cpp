#include "regex_cache.h"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace wx::schema::detail {

std::shared_ptr<const std::regex> compiled_regex(const std::string& pattern) {
  static std::shared_mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<const std::regex>> cache;
  {
    std::shared_lock lock(mutex);
    const auto it = cache.find(pattern);
    if (it != cache.end()) {
      return it->second;
    }
  }
  std::shared_ptr<const std::regex> compiled;
  try {
    compiled = std::make_shared<const std::regex>(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    compiled = nullptr;
  }
  std::unique_lock lock(mutex);
  cache.emplace(pattern, compiled);
  return compiled;
}

}  // namespace wx::schema::detail
