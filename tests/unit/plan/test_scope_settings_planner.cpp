#include <doctest/doctest.h>

#include "support/builders.h"
#include "support/plan_lookup.h"
#include "wxphones/plan/planner.h"
#include "wxphones/plan/render.h"

using namespace wx;
using namespace wx::test;
using nlohmann::json;

namespace {

DesiredScopeSettings location_settings(const std::string& location, json customizations) {
  DesiredScopeSettings s;
  s.name = "hq-phones";
  s.scope = {SettingsScope::Kind::Location, location, {"settings.yaml", 5, 14}};
  s.customizations = std::move(customizations);
  s.where = {"settings.yaml", 1, 1};
  return s;
}

}  // namespace

TEST_CASE(
    "a location customization change is one job with whole families; phones with their own settings are "
    "listed") {
  LiveState live = small_org();
  live.location_customizations["L-HQ"] = {
      true, {{"mpp", {{"backlightTimer", "ONE_MIN"}, {"pnacEnabled", true}}}}, false};
  live.scope_devices["L-HQ"] = {live_phone("D1", "001B54000001", "DMS Cisco 8851", "P-ALICE", "L-HQ"),
                                live_phone("D2", "001B54000002", "DMS Cisco 8851", "P-X", "L-HQ")};
  live.scope_devices["L-HQ"][1].display_name = "Reception (Cisco 8851)";
  live.device_customizations["D1"] = {false, json::object(), false};
  live.device_customizations["D2"] = {true, json::object(), false};
  DesiredState desired;
  desired.scope_settings = {location_settings("HQ", {{"mpp", {{"backlightTimer", "TEN_MIN"}}}})};
  desired.phones = {mac_phone("alice", "001B54000001", "DMS Cisco 8851", "alice@acme.example")};
  live.devices.push_back(live.scope_devices["L-HQ"][0]);
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  const Step* step = find_step(plan, "settings.hq-phones.customizations");
  REQUIRE(step);
  const auto& job = std::get<DeviceSettingsJob>(step->operation);
  CHECK(job.request.location_id == "L-HQ");
  CHECK(job.request.location_customizations_enabled == true);
  CHECK(job.request.customizations == json{{"mpp", {{"backlightTimer", "TEN_MIN"}, {"pnacEnabled", true}}}});
  REQUIRE(job.not_reached.size() == 1);
  CHECK(job.not_reached[0].name == "Reception (Cisco 8851)");
  CHECK(plan.summary().jobs == 1);
  bool noted = false;
  for (const auto& note : plan.notes)
    noted |= note.message.find("will not get this change") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("an unchanged location is no step; customEnabled false resets the location to the organisation's") {
  LiveState live = small_org();
  live.location_customizations["L-HQ"] = {true, {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}, false};
  DesiredState desired;
  desired.scope_settings = {location_settings("HQ", {{"mpp", {{"backlightTimer", "ONE_MIN"}}}})};
  CHECK(make_plan(desired, live).steps.empty());
  desired.scope_settings[0].customizations = json::object();
  desired.scope_settings[0].custom_enabled = false;
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.steps.size() == 1);
  const auto& job = std::get<DeviceSettingsJob>(plan.steps[0].operation);
  CHECK(job.request.location_customizations_enabled == false);
}

TEST_CASE("org dynamic settings: one job with SET and CLEAR, validated against the schema's levels") {
  LiveState live = small_org();
  live.org_dynamic["Cisco 9800"] = {{"Cisco 9800", "%ENABLE_BLUETOOTH%", std::nullopt, "1", "SYSTEM_DEFAULT"},
                                    {"Cisco 9800", "%SCREEN_BRIGHTNESS%", "3", "5", "SYSTEM_DEFAULT"}};
  DesiredState desired;
  DesiredScopeSettings org;
  org.name = "org";
  org.scope = {SettingsScope::Kind::Organization, "", {"org.yaml", 4, 10}};
  org.dynamic_settings["Cisco 9800"]["%ENABLE_BLUETOOTH%"] = "0";
  org.dynamic_settings["Cisco 9800"]["%SCREEN_BRIGHTNESS%"] = std::nullopt;
  desired.scope_settings = {org};
  Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  REQUIRE(plan.steps.size() == 1);
  const auto& job = std::get<DynamicSettingsJob>(plan.steps[0].operation);
  CHECK(job.request.location_id.empty());
  REQUIRE(job.request.tags.size() == 2);
  CHECK(job.request.tags[0] == DynamicSettingChange{"Cisco 9800", "%ENABLE_BLUETOOTH%", "0"});
  CHECK(job.request.tags[1] == DynamicSettingChange{"Cisco 9800", "%SCREEN_BRIGHTNESS%", std::nullopt});

  // %RINGER_VOLUME% may be set at location and device level only.
  desired.scope_settings[0].dynamic_settings["Cisco 9800"]["%RINGER_VOLUME%"] = "5";
  plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].message.find("organization level") != std::string::npos);
}

TEST_CASE("rebuild follows a location settings job when the project asks for it") {
  LiveState live = small_org();
  live.location_customizations["L-HQ"] = {false, {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}, false};
  DesiredState desired;
  desired.project.rebuild_after_location_settings = true;
  desired.scope_settings = {location_settings("HQ", {{"mpp", {{"vlan", {{"enabled", true}}}}}})};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.steps.size() == 2);
  CHECK(std::holds_alternative<DeviceSettingsJob>(plan.steps[0].operation));
  CHECK(std::get<RebuildPhonesJob>(plan.steps[1].operation).location_id == "L-HQ");
  CHECK(plan.steps[1].depends_on == std::vector<std::string>{plan.steps[0].id});
}

TEST_CASE("an unknown location in a scope is a plan error at its line") {
  DesiredState desired;
  desired.scope_settings = {location_settings("Mars", {{"mpp", {{"backlightTimer", "ONE_MIN"}}}})};
  const Plan plan = make_plan(desired, small_org());
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].where.line == 5);
  CHECK(plan.steps.empty());
}

TEST_CASE("compression and owner hoteling from a WorkspaceDevices document") {
  LiveState live = small_org();
  live.workspace_device_settings["W-LOBBY"] = {"OFF"};
  live.workspace_hoteling["W-LOBBY"] = Hoteling{false, false, 12};
  DesiredState desired;
  DesiredScopeSettings lobby;
  lobby.name = "lobby";
  lobby.scope = {SettingsScope::Kind::Workspace, "HQ Lobby", {"s.yaml", 3, 3}};
  lobby.compression = "ON";
  desired.scope_settings = {lobby};
  DesiredOwnerDevices host;
  host.name = "lobby-hoteling";
  host.owner = {OwnerRef::Kind::Workspace, "HQ Lobby", {"s.yaml", 9, 3}};
  host.hoteling = Hoteling{true, std::nullopt, std::nullopt};
  desired.owner_devices = {host};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  REQUIRE(plan.steps.size() == 2);
  bool compression = false, hoteling = false;
  for (const auto& s : plan.steps) {
    if (const auto* op = std::get_if<SetOwnerCompression>(&s.operation))
      compression = op->compression == "ON";
    if (const auto* op = std::get_if<SetOwnerHoteling>(&s.operation))
      hoteling = op->hoteling == Hoteling{true, false, 12};
  }
  CHECK(compression);
  CHECK(hoteling);
}

TEST_CASE("password values never appear in a plan's text or JSON, though the job carries them") {
  LiveState live = small_org();
  live.org_customizations =
      ScopeCustomizations{std::nullopt, {{"mpp", {{"httpProxy", {{"password", "old"}}}}}}, false};
  DesiredState desired;
  DesiredScopeSettings org;
  org.name = "org";
  org.scope = {SettingsScope::Kind::Organization, "", {"org.yaml", 4, 10}};
  org.dynamic_settings["Cisco 9800"]["%ADMIN_PASSWORD%"] = "hunter2-secret";
  org.customizations = {{"mpp", {{"httpProxy", {{"password", "proxy-secret"}}}}}};
  desired.scope_settings = {org};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  REQUIRE(plan.steps.size() == 2);
  const std::string json_text = plan_to_json(plan).dump();
  const std::string text = render_text(plan, {false});
  for (const std::string secret : {"hunter2-secret", "proxy-secret", "old"}) {
    CHECK_MESSAGE(json_text.find("\"" + secret + "\"") == std::string::npos, secret);
    CHECK_MESSAGE(text.find("\"" + secret + "\"") == std::string::npos, secret);
  }
  CHECK(json_text.find("(secret)") != std::string::npos);
  bool carried = false;
  for (const auto& s : plan.steps) {
    if (const auto* job = std::get_if<DynamicSettingsJob>(&s.operation))
      carried = job->request.tags[0].value == "hunter2-secret";
  }
  CHECK(carried);
}
