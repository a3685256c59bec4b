// schemas/customizations.schema.json is extracted from the official webex-device.json by
// scripts/extract-customizations-schema.py. This re-does the extraction (same rules, written again
// here so the test needs no Python) and checks the committed file still matches the description.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/manifest/embedded_schemas.h"

namespace {

const std::string kPrefix = "#/components/schemas/";

void referenced(const nlohmann::json& node, std::set<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "$ref" && value.is_string() && value.get<std::string>().rfind(kPrefix, 0) == 0) {
        out.insert(value.get<std::string>().substr(kPrefix.size()));
      } else {
        referenced(value, out);
      }
    }
  } else if (node.is_array()) {
    for (const auto& value : node) referenced(value, out);
  }
}

nlohmann::json transform(const nlohmann::json& node) {
  if (node.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& value : node) out.push_back(transform(value));
    return out;
  }
  if (!node.is_object()) return node;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : node.items()) {
    if (key == "required" || key == "example") continue;
    if (key == "$ref" && value.is_string() && value.get<std::string>().rfind(kPrefix, 0) == 0) {
      out[key] = "#/$defs/" + value.get<std::string>().substr(kPrefix.size());
    } else if (key == "properties" && value.is_object()) {
      nlohmann::json properties = nlohmann::json::object();
      for (const auto& [name, sub] : value.items()) properties[name] = transform(sub);
      out[key] = properties;
    } else {
      out[key] = transform(value);
    }
  }
  if (node.contains("properties") && node["properties"].is_object()) out["additionalProperties"] = false;
  return out;
}

}  // namespace

TEST_CASE("customizations schema: the embedded file equals a fresh extraction from webex-device.json") {
  const std::filesystem::path description =
      std::filesystem::path(WX_SOURCE_DIR) / ".." / "shared" / "webex-openapi" / "webex-device.json";
  const auto& files = wx::embedded::schema_files();
  REQUIRE(files.count("customizations.schema.json") == 1);
  const nlohmann::json embedded = nlohmann::json::parse(files.at("customizations.schema.json"));
  REQUIRE(embedded["$defs"].contains("CustomizationObject"));
  REQUIRE(embedded["$defs"].contains("CustomizationDeviceLevelObject"));
  if (!std::filesystem::exists(description)) {
    MESSAGE("skipped: " << description.string() << " is not here");
    return;
  }
  std::ifstream in(description);
  const nlohmann::json openapi = nlohmann::json::parse(in);
  const nlohmann::json& schemas = openapi["components"]["schemas"];
  std::set<std::string> names;
  std::vector<std::string> todo = {"CustomizationObject", "CustomizationDeviceLevelObject"};
  while (!todo.empty()) {
    std::string name = todo.back();
    todo.pop_back();
    if (!names.insert(name).second) continue;
    REQUIRE(schemas.contains(name));
    std::set<std::string> found;
    referenced(schemas[name], found);
    todo.insert(todo.end(), found.begin(), found.end());
  }
  nlohmann::json defs = nlohmann::json::object();
  for (const auto& name : names) defs[name] = transform(schemas[name]);
  CHECK(names.size() == embedded["$defs"].size());
  for (const auto& [key, def] : defs.items()) {
    const std::string& name = key;  // CAPTURE's lambda cannot capture a structured binding (clang < 16)
    CAPTURE(name);
    REQUIRE(embedded["$defs"].contains(name));
    CHECK(embedded["$defs"][name] == def);
  }
  // The rules themselves: closed objects, nothing required.
  CHECK(embedded["$defs"]["mppObject"]["additionalProperties"] == false);
  CHECK_FALSE(embedded.dump().find("\"required\"") != std::string::npos);
  CHECK_FALSE(embedded.dump().find("#/components/") != std::string::npos);
}
