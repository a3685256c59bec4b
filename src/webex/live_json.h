#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/live.h"

namespace wx::webex_detail {

// Readers for Webex JSON. Tolerant: a missing field, a null or a value of the wrong type reads as empty;
// unknown fields and unknown enum values pass through untouched.

std::string string_of(const nlohmann::json& object, const char* key);
std::vector<std::string> strings_of(const nlohmann::json& object, const char* key);
// A number read leniently: an integer, a float (truncated toward zero) or a numeric string.
std::optional<int> int_of(const nlohmann::json& object, const char* key);
// A boolean, or the strings "true"/"false" (a spec example quotes booleans).
std::optional<bool> bool_of(const nlohmann::json& object, const char* key);
// A string, or a number shown as text; nullopt when absent or null.
std::optional<std::string> optional_string_of(const nlohmann::json& object, const char* key);
std::string upper(std::string text);
std::string lower(std::string text);

// A MAC as 12 upper-case hex digits; text that is not a MAC is kept (upper-case, trimmed) so it stays
// visible.
std::string mac_of(const nlohmann::json& object, const char* key);

LiveDevice live_device_from_json(const nlohmann::json& device);    // GET /devices item
OwnerDevice owner_device_from_json(const nlohmann::json& device);  // telephony owner listing item
Workspace workspace_from_json(const nlohmann::json& workspace);
Location location_from_json(const nlohmann::json& location);
MacStatus mac_status_from_json(const nlohmann::json& entry);

}  // namespace wx::webex_detail
