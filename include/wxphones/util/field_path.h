#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wx {

// "/spec/owner/person" -> "spec.owner.person"; "/spec/tags/1" -> "spec.tags[1]";
// keys that are not identifiers are quoted: spec.configurations["Audio.Ringer.Volume"].
// A token made of digits only is shown as an array index. The manifest loader keys
// field_locations this way, and the planner looks them up the same way.
std::string field_path(const std::string& pointer);

// The inverse of field_path: spec.dynamicSettings["Cisco 9800"]["%TAG%"] ->
// {"spec", "dynamicSettings", "Cisco 9800", "%TAG%"}; nullopt when the text is not a field path.
std::optional<std::vector<std::string>> split_field_path(std::string_view path);

// One JSON Pointer reference token: '~' -> "~0", '/' -> "~1".
std::string pointer_token(const std::string& key);

}  // namespace wx
