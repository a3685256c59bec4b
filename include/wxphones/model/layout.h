#pragma once
#include <optional>
#include <string>
#include <vector>

#include "wxphones/util/source_location.h"

namespace wx {

// A programmable line key or a KEM key, with the API's field names. lineKeyType values form an
// open set (PRIMARY_LINE, SHARED_LINE, MONITOR, CALL_PARK_EXTENSION, SPEED_DIAL, OPEN, CLOSED,
// MODE_MANAGEMENT, and whatever Webex adds).
struct LineKey {
  int index = 0;  // lineKeyIndex, 1-based
  std::string type;
  std::optional<std::string> label;  // lineKeyLabel (SPEED_DIAL only)
  std::optional<std::string> value;  // lineKeyValue (SPEED_DIAL only)
  std::optional<int> shared_line_index;
  SourceLocation where;  // manifest position; unknown for live keys
  bool operator==(const LineKey& o) const {
    return index == o.index && type == o.type && label == o.label && value == o.value &&
           shared_line_index == o.shared_line_index;
  }
};

struct KemKey {
  int module_index = 0;  // kemModuleIndex, 1-based
  int key_index = 0;     // kemKeyIndex, 1-based
  std::string type;
  std::optional<std::string> label;
  std::optional<std::string> value;
  std::optional<int> shared_line_index;
  SourceLocation where;
  bool operator==(const KemKey& o) const {
    return module_index == o.module_index && key_index == o.key_index && type == o.type && label == o.label &&
           value == o.value && shared_line_index == o.shared_line_index;
  }
};

enum class LayoutMode { Default, Custom };

// GET/PUT /telephony/config/devices/{deviceId}/layout.
struct Layout {
  LayoutMode mode = LayoutMode::Default;
  std::optional<bool> user_reorder_enabled;
  std::vector<LineKey> line_keys;
  std::optional<std::string> kem_module_type;  // KEM_14_KEYS | KEM_18_KEYS | KEM_20_KEYS
  std::vector<KemKey> kem_keys;
};

// GET /telephony/config/devices/lineKeyTemplates[/{id}].
struct LineKeyTemplate {
  std::string id;  // empty for a desired template
  std::string template_name;
  std::string device_model;  // model string ("DMS Cisco 9861") or display name
  std::string model_display_name;
  std::optional<bool> user_reorder_enabled;
  std::vector<LineKey> line_keys;
  bool details_loaded = false;  // the list endpoint returns no keys; GET by id does
};

}  // namespace wx
