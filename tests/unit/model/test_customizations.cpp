#include <doctest/doctest.h>

#include "wxphones/model/customizations.h"

using namespace wx;
using nlohmann::json;

TEST_CASE("overlay_json lays declared keys over live ones, recursively, leaving the rest") {
  const json live = {
      {"mpp",
       {{"backlightTimer", "ONE_MIN"}, {"vlan", {{"enabled", false}, {"value", 1}}}, {"pnacEnabled", true}}}};
  const json declared = {{"mpp", {{"vlan", {{"enabled", true}}}, {"multicast", json::array({"a"})}}}};
  const json out = overlay_json(live, declared);
  CHECK(out["mpp"]["backlightTimer"] == "ONE_MIN");
  CHECK(out["mpp"]["pnacEnabled"] == true);
  CHECK(out["mpp"]["vlan"] == json{{"enabled", true}, {"value", 1}});
  CHECK(out["mpp"]["multicast"] == json::array({"a"}));
}

TEST_CASE("declared_differences names only declared leaves that differ, by JSON Pointer") {
  const json live = {{"mpp", {{"backlightTimer", "ONE_MIN"}, {"vlan", {{"enabled", false}, {"value", 1}}}}}};
  const json declared = {
      {"mpp", {{"backlightTimer", "ONE_MIN"}, {"vlan", {{"enabled", true}}}, {"newKey", 3}}}};
  const json diff = declared_differences(live, declared);
  CHECK(diff.size() == 2);
  CHECK(diff["/mpp/vlan/enabled"] == json{{"before", false}, {"after", true}});
  CHECK(diff["/mpp/newKey"] == json{{"before", nullptr}, {"after", 3}});
  CHECK(declared_differences(live, json::object()).empty());
  CHECK(declared_differences(live, {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}).empty());
}

TEST_CASE("the customizations family of a model follows its supportedDevices type") {
  CHECK(customization_family_for_type("MPP") == "mpp");
  CHECK(customization_family_for_type("ATA") == "ata");
  CHECK(customization_family_for_type("DESK_PHONE").empty());
}
