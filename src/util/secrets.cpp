#include "wxphones/util/secrets.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <vector>

namespace wx {

namespace {

// Shorter values would mask ordinary words; real tokens are far longer.
constexpr std::size_t kMinSecretLength = 8;

struct Registry {
  std::shared_mutex mutex;
  std::vector<std::string> secrets;  // longest first, so a secret containing another is masked whole
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

void register_secret(std::string_view secret) {
  if (secret.size() < kMinSecretLength) {
    return;
  }
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  if (std::find(r.secrets.begin(), r.secrets.end(), secret) != r.secrets.end()) {
    return;
  }
  r.secrets.emplace_back(secret);
  std::sort(r.secrets.begin(), r.secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string redact(std::string_view text) {
  std::string out(text);
  auto& r = registry();
  std::shared_lock lock(r.mutex);
  for (const auto& secret : r.secrets) {
    std::size_t pos = 0;
    while ((pos = out.find(secret, pos)) != std::string::npos) {
      out.replace(pos, secret.size(), "***");
      pos += 3;
    }
  }
  return out;
}

}  // namespace wx
