#include "live_json.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "settings_json.h"
#include "wxphones/util/mac.h"

namespace wx::webex_detail {

std::string string_of(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) {
    return {};
  }
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::vector<std::string> strings_of(const nlohmann::json& object, const char* key) {
  std::vector<std::string> out;
  if (!object.is_object()) {
    return out;
  }
  auto it = object.find(key);
  if (it == object.end()) {
    return out;
  }
  if (it->is_string()) {  // a single value where a list is documented
    out.push_back(it->get<std::string>());
  } else if (it->is_array()) {
    for (const auto& v : *it) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      }
    }
  }
  return out;
}

std::optional<int> int_of(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) {
    return std::nullopt;
  }
  auto it = object.find(key);
  if (it == object.end()) {
    return std::nullopt;
  }
  if (it->is_number_integer()) {
    auto v = it->get<long long>();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      return std::nullopt;
    }
    return static_cast<int>(v);
  }
  if (it->is_number_float()) {
    double v = it->get<double>();
    if (!std::isfinite(v) || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      return std::nullopt;
    }
    return static_cast<int>(v);
  }
  if (it->is_string()) {
    const auto& text = it->get_ref<const std::string&>();
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<bool> bool_of(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) {
    return std::nullopt;
  }
  auto it = object.find(key);
  if (it == object.end()) {
    return std::nullopt;
  }
  if (it->is_boolean()) {
    return it->get<bool>();
  }
  if (it->is_string()) {
    std::string text = lower(it->get<std::string>());
    if (text == "true") {
      return true;
    }
    if (text == "false") {
      return false;
    }
  }
  return std::nullopt;
}

std::optional<std::string> optional_string_of(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) {
    return std::nullopt;
  }
  auto it = object.find(key);
  if (it == object.end()) {
    return std::nullopt;
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (it->is_number()) {
    return it->dump();  // a speed-dial number sent as a JSON number
  }
  return std::nullopt;
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string mac_of(const nlohmann::json& object, const char* key) {
  std::string raw = string_of(object, key);
  if (auto mac = normalize_mac(raw)) {
    return *mac;
  }
  return upper(raw);
}

LiveDevice live_device_from_json(const nlohmann::json& device) {
  LiveDevice d;
  d.id = string_of(device, "id");
  d.calling_device_id = string_of(device, "callingDeviceId");
  d.webex_device_id = string_of(device, "webexDeviceId");
  d.mac = mac_of(device, "mac");
  d.product = string_of(device, "product");
  d.display_name = string_of(device, "displayName");
  d.person_id = string_of(device, "personId");
  d.workspace_id = string_of(device, "workspaceId");
  if (d.workspace_id.empty()) {
    d.workspace_id = string_of(device, "placeId");  // deprecated alias
  }
  d.location_id = string_of(device, "locationId");
  d.connection_status = string_of(device, "connectionStatus");
  d.activation_state = upper(string_of(device, "activationState"));
  d.tags = strings_of(device, "tags");
  d.webex_aware = true;
  if (d.id.empty()) {  // id may be null; the other forms still identify the device
    d.id = !d.webex_device_id.empty() ? d.webex_device_id : d.calling_device_id;
  }
  return d;
}

OwnerDevice owner_device_from_json(const nlohmann::json& device) {
  OwnerDevice d;
  d.id = string_of(device, "id");
  d.mac = mac_of(device, "mac");
  d.model = string_of(device, "model");
  d.activation_state = upper(string_of(device, "activationState"));
  d.line_type = string_of(device, "type");
  d.tags = strings_of(device, "description");
  d.hoteling = hoteling_from_json(device.is_object() && device.contains("hoteling") ? device["hoteling"]
                                                                                    : nlohmann::json());
  return d;
}

Workspace workspace_from_json(const nlohmann::json& workspace) {
  return {string_of(workspace, "id"), string_of(workspace, "displayName"),
          string_of(workspace, "locationId")};
}

Location location_from_json(const nlohmann::json& location) {
  return {string_of(location, "id"), string_of(location, "name")};
}

MacStatus mac_status_from_json(const nlohmann::json& entry) {
  MacStatus s;
  s.mac = mac_of(entry, "mac");
  s.state = upper(string_of(entry, "state"));
  s.message = string_of(entry, "message");
  if (entry.is_object()) {
    auto it = entry.find("errorCode");
    if (it != entry.end() && it->is_number_integer()) {
      s.error_code = it->get<int>();
    } else if (it != entry.end() && it->is_string()) {
      try {
        s.error_code = std::stoi(it->get<std::string>());
      } catch (const std::exception&) {
      }
    }
  }
  return s;
}

}  // namespace wx::webex_detail
