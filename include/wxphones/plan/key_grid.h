#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace wx {

// A layout change drawn as key grids (index, type, label, value), line keys first and each KEM
// module as its own grid; keys that change are marked. Inputs are layout_to_json() values (or null).
std::string key_grid_text(const nlohmann::json& before, const nlohmann::json& after, const std::string& indent);
std::string key_grid_markdown(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace wx
