// The emulator's org customization defaults (settings_data.cpp) come from the spec's EXAMPLE, which
// carries keys its SCHEMA lacks; WEBEX_API §14 says follow the schema. These tests hold every default,
// and what the org and location reads serve, to schemas/customizations.schema.json (extracted from the
// description, additionalProperties:false on every object).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "emulator/device_settings.h"
#include "emulator/settings_fixture.h"

using nlohmann::json;
using wx::emulator::test::SettingsFixture;

namespace {

const json& customizations_schema() {
  static const json schema = [] {
    std::ifstream in(std::string(WX_SOURCE_DIR) + "/schemas/customizations.schema.json");
    REQUIRE(in.good());
    return json::parse(in);
  }();
  return schema;
}

const json& resolve(const json& node) {
  const json* current = &node;
  while (current->contains("$ref")) {
    const auto ref = (*current)["$ref"].get<std::string>();  // "#/$defs/Name"
    current = &customizations_schema()["$defs"].at(ref.substr(ref.rfind('/') + 1));
  }
  return *current;
}

// The keywords the extracted schema uses: $ref, type, enum, properties, additionalProperties, items.
// Appends "path: problem" for every key the schema does not declare and every mistyped value.
void shape_errors(const json& node_in, const json& value, const std::string& path,
                  std::vector<std::string>& out) {
  const json& node = resolve(node_in);
  const auto type = node.value("type", std::string());
  if (type == "object") {
    if (!value.is_object()) {
      out.push_back(path + ": expected an object");
      return;
    }
    const auto& properties = node.contains("properties") ? node["properties"] : json::object();
    for (const auto& [key, child] : value.items()) {
      if (properties.contains(key)) {
        shape_errors(properties[key], child, path + "/" + key, out);
      } else if (node.value("additionalProperties", true) == false) {
        out.push_back(path + "/" + key + ": not declared by the schema");
      }
    }
  } else if (type == "array") {
    if (!value.is_array()) {
      out.push_back(path + ": expected an array");
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      shape_errors(node.value("items", json::object()), value[i], path + "/" + std::to_string(i), out);
    }
  } else if (type == "string") {
    if (!value.is_string()) {
      out.push_back(path + ": expected a string");
    } else if (node.contains("enum") &&
               std::find(node["enum"].begin(), node["enum"].end(), value) == node["enum"].end()) {
      out.push_back(path + ": " + value.get<std::string>() + " is not in the enum");
    }
  } else if (type == "boolean" && !value.is_boolean()) {
    out.push_back(path + ": expected a boolean");
  } else if ((type == "number" || type == "integer") && !value.is_number()) {
    out.push_back(path + ": expected a number");
  }
}

std::vector<std::string> errors_against(const std::string& def, const json& value) {
  std::vector<std::string> out;
  shape_errors(customizations_schema()["$defs"].at(def), value, "", out);
  return out;
}

std::string joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "; ";
  return out;
}

}  // namespace

TEST_CASE("settings defaults: every family's org defaults hold only what the org schema declares") {
  const auto& defaults = wx::emulator::default_customizations();
  for (const char* family : wx::emulator::kCustomizationFamilies) {
    REQUIRE_MESSAGE(defaults.contains(family), family);
  }
  const auto org = errors_against("CustomizationObject", defaults);
  CHECK_MESSAGE(org.empty(), joined(org));
  // Location level (CustomizationDeviceLevelObject: ata, mpp, wifi) sees the same family objects.
  json location = defaults;
  location.erase("dect");
  const auto at_location = errors_against("CustomizationDeviceLevelObject", location);
  CHECK_MESSAGE(at_location.empty(), joined(at_location));
}

TEST_CASE("settings defaults: the shape check finds what the spec example adds to the schema") {
  // The example of GET /telephony/config/devices/settings carries mpp.usbPorts; the org schema has
  // only usbPortsEnabled. A wrong value type is found too; dect is not a location-level family.
  json with_example_key = wx::emulator::default_customizations();
  with_example_key["mpp"]["usbPorts"] = {{"enabled", true}};
  with_example_key["ata"]["cdpEnabled"] = "true";
  const auto errors = errors_against("CustomizationObject", with_example_key);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "/ata/cdpEnabled: expected a boolean");
  CHECK(errors[1] == "/mpp/usbPorts: not declared by the schema");
  CHECK(errors_against("CustomizationDeviceLevelObject", wx::emulator::default_customizations()) ==
        std::vector<std::string>{"/dect: not declared by the schema"});
}

TEST_CASE("settings reads: org and location bodies follow their schemas (no dect at location level)") {
  SettingsFixture f;
  const auto org = f.get("/telephony/config/devices/settings");
  REQUIRE(org.status == 200);
  const auto org_errors = errors_against("CustomizationObject", org.body["customizations"]);
  CHECK_MESSAGE(org_errors.empty(), joined(org_errors));
  CHECK(org.body["customizations"].contains("dect"));

  const auto hq = f.get("/telephony/config/locations/" + f.location_id("HQ") + "/devices/settings");
  REQUIRE(hq.status == 200);
  CHECK_FALSE(hq.body["customizations"].contains("dect"));
  const auto hq_errors = errors_against("CustomizationDeviceLevelObject", hq.body["customizations"]);
  CHECK_MESSAGE(hq_errors.empty(), joined(hq_errors));
}
