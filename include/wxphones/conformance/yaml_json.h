#pragma once
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace wx::conformance {

// YAML (1.2 core schema) to JSON, keeping scalar types right: plain `true`, `12`, `1.5`, `null`, `~` become
// JSON booleans, numbers and null; quoted scalars ('133', "true") and explicit !!str stay strings.
// OpenAPI YAML leans on this: `extension: '133'` is a string, `primary: true` a boolean.
// Throws std::runtime_error with the YAML parser's message on malformed input.
nlohmann::json yaml_to_json(const std::string& text);
nlohmann::json yaml_file_to_json(const std::filesystem::path& path);

}  // namespace wx::conformance
