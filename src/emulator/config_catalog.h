#pragma once
// The deviceConfigurations key catalog (data/device-configurations.json) and the key filter of
// GET /deviceConfigurations (WEBEX_API §7).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx::emulator {

struct ConfigKeySpec {
  nlohmann::json default_value;
  nlohmann::json value_space;  // JSON Schema: type, minimum/maximum, minLength/maxLength, enum
  bool editable = true;        // sources.configured.editability.isEditable
  std::string reason;          // NOT_AUTHORIZED | CONFIG_MANAGED_BY_DIFFERENT_AUTHORITY when not editable
};

// Keys sorted by name. Parsed once from the embedded data file; throws on a malformed file.
const std::map<std::string, ConfigKeySpec>& config_catalog();

// A parsed `key` query filter: segments separated by '.', each either `*` (one segment; as the
// last segment, everything below) or a name with an optional index `[n]`, `[*]`, `[a..b]`,
// `[a..n]`. nullopt from parse() means malformed.
class KeyFilter {
 public:
  static std::optional<KeyFilter> parse(std::string_view text);
  bool matches(std::string_view key) const;

 private:
  struct Segment {
    bool wildcard = false;  // "*"
    std::string name;
    bool indexed = false;
    long lo = 0;
    long hi = 0;  // -1 = n (no upper bound)
  };
  std::vector<Segment> m_segments;
};

// True when `key` is a concrete key name: no wildcard and no range (what PATCH accepts).
bool is_concrete_key(std::string_view key);

// A seed or control value typed per the key's valueSpace: YAML gives strings, so "7" becomes 7
// for an integer key. Returns the value unchanged when no conversion applies.
nlohmann::json coerce_to_value_space(const nlohmann::json& value_space, const nlohmann::json& value);

}  // namespace wx::emulator
