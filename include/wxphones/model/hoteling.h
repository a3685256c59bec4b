#pragma once
#include <optional>
#include <string>

namespace wx {

// Hoteling host settings (WEBEX_API.md §6.12). Desired values may be partial (only declared
// fields are managed); live values are complete. The person PUT wraps them in {hoteling:{...}},
// the workspace PUT sends them flat: the webex module hides that asymmetry.
struct Hoteling {
  std::optional<bool> enabled;
  std::optional<bool> limit_guest_use;
  std::optional<int> guest_hours_limit;
  friend bool operator==(const Hoteling&, const Hoteling&) = default;
};

// Device settings that belong to a person or workspace rather than a device: compression "ON"|"OFF".
struct OwnerDeviceSettings {
  std::string compression;
};

}  // namespace wx
