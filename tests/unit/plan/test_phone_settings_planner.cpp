#include <doctest/doctest.h>

#include "support/builders.h"
#include "support/plan_lookup.h"
#include "wxphones/plan/normalize.h"
#include "wxphones/plan/planner.h"

using namespace wx;
using namespace wx::test;
using nlohmann::json;

namespace {

// An MPP phone of Alice's that exists and is online, plus a 9861 and an 8875 of hers.
LiveState org_with_phones() {
  LiveState live = small_org();
  live.devices.push_back(live_phone("D-MPP", "001B54000001", "DMS Cisco 8851", "P-ALICE", "L-HQ"));
  live.devices.push_back(live_phone("D-9861", "001B54000002", "DMS Cisco 9861", "P-ALICE", "L-HQ"));
  auto v = live_phone("D-8875", "001B54000003", "DMS Cisco 8875", "P-ALICE", "L-HQ");
  v.webex_device_id = "WD-8875";
  live.devices.push_back(v);
  return live;
}

DesiredPhone phone(const std::string& name, const std::string& mac, const std::string& model) {
  return mac_phone(name, mac, model, "alice@acme.example");
}

}  // namespace

TEST_CASE(
    "only declared customization keys are compared; a difference writes them and then applies changes") {
  LiveState live = org_with_phones();
  live.device_customizations["D-MPP"] = {
      true, {{"mpp", {{"backlightTimer", "ONE_MIN"}, {"pnacEnabled", true}}}}, false};
  DesiredState desired;
  auto p = phone("mpp", "001B54000001", "DMS Cisco 8851");
  p.settings = PhoneSettingsSpec{std::nullopt, {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}};
  desired.phones = {p};
  CHECK(make_plan(desired, live).steps.empty());  // pnacEnabled is not declared: not managed

  desired.phones[0].settings->customizations["mpp"]["backlightTimer"] = "TEN_MIN";
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  const Step* settings = find_step(plan, "phone.mpp.settings");
  REQUIRE(settings);
  CHECK(settings->before == json{{"mpp.backlightTimer", "ONE_MIN"}});
  CHECK(settings->after == json{{"mpp.backlightTimer", "TEN_MIN"}});
  const Step* apply = find_step(plan, "phone.mpp.apply-changes");
  REQUIRE(apply);
  CHECK(apply->action == Action::Run);
  CHECK(apply->depends_on == std::vector<std::string>{"phone.mpp.settings", "phone.mpp.mark-pending"});
  // The marker goes on before the write and comes off with applyChanges: a kill in between leaves it.
  const Step* mark = find_step(plan, "phone.mpp.mark-pending");
  REQUIRE(mark);
  CHECK(std::get<SetPhoneTags>(mark->operation).tags == std::vector<std::string>{wx::kApplyPendingTag});
  CHECK(settings->depends_on == std::vector<std::string>{"phone.mpp.mark-pending"});
  CHECK(std::get<ApplyPhoneChanges>(apply->operation).tags_after.empty());
  CHECK(plan.summary().change == 1);  // one phone changes, whatever its steps
}

TEST_CASE(
    "device dynamic settings: SET where the value differs, CLEAR for null, errors at the manifest line") {
  LiveState live = org_with_phones();
  live.device_dynamic["D-9861"] = {{"", "%ENABLE_BLUETOOTH%", "0", "1", "ORGANIZATION"},
                                   {"", "%SCREEN_BRIGHTNESS%", "5", std::nullopt, ""}};
  DesiredState desired;
  auto p = phone("desk", "001B54000002", "DMS Cisco 9861");
  p.dynamic_settings["%ENABLE_BLUETOOTH%"] = "1";
  p.dynamic_settings["%SCREEN_BRIGHTNESS%"] = std::nullopt;
  p.dynamic_settings["%SCREEN_TIMEOUT%"] = "30";
  desired.phones = {p};
  Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  const Step* step = find_step(plan, "phone.desk.dynamic-settings");
  REQUIRE(step);
  const auto& changes = std::get<SetPhoneDynamicSettings>(step->operation).changes;
  REQUIRE(changes.size() == 3);
  CHECK(changes[0] == DynamicSettingChange{"", "%ENABLE_BLUETOOTH%", "1"});
  CHECK(changes[1] == DynamicSettingChange{"", "%SCREEN_BRIGHTNESS%", std::nullopt});
  CHECK(changes[2] == DynamicSettingChange{"", "%SCREEN_TIMEOUT%", "30"});

  desired.phones[0].dynamic_settings["%SCREEN_TIMEOUT%"] = "9999";
  desired.phones[0].field_locations["spec.dynamicSettings[\"%SCREEN_TIMEOUT%\"]"] = {"phones.yaml", 12, 25};
  plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].where.line == 12);
  CHECK(plan.diagnostics[0].message.find("from 1 to 480") != std::string::npos);
  CHECK_FALSE(find_step(plan, "phone.desk.dynamic-settings"));
}

TEST_CASE("configurations: json-patch replace/remove, valueSpace checked at plan time") {
  LiveState live = org_with_phones();
  ConfigurationValue ringer;
  ringer.value = 7;
  ringer.source = "default";
  ringer.value_space = {{"type", "integer"}, {"minimum", 0}, {"maximum", 15}};
  ConfigurationValue name;
  name.value = "Desk";
  name.source = "configured";
  name.value_space = {{"type", "string"}, {"maxLength", 64}};
  live.device_configurations["D-8875"] = {{"Audio.Ringer.Volume", ringer}, {"SystemUnit.Name", name}};
  DesiredState desired;
  auto p = phone("video", "001B54000003", "DMS Cisco 8875");
  p.configurations["Audio.Ringer.Volume"] = 9;
  p.configurations["SystemUnit.Name"] = nullptr;
  desired.phones = {p};
  Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  const Step* step = find_step(plan, "phone.video.configurations");
  REQUIRE(step);
  const auto& op = std::get<PatchPhoneConfigurations>(step->operation);
  CHECK(op.webex_device_id == "WD-8875");
  REQUIRE(op.patch.size() == 2);
  CHECK(op.patch[0] == ConfigurationPatch{ConfigurationPatch::Op::Replace, "Audio.Ringer.Volume", 9});
  CHECK(op.patch[1] == ConfigurationPatch{ConfigurationPatch::Op::Remove, "SystemUnit.Name", {}});

  desired.phones[0].configurations["Audio.Ringer.Volume"] = 99;
  desired.phones[0].field_locations["spec.configurations[\"Audio.Ringer.Volume\"]"] = {"phones.yaml", 14, 28};
  plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].where.line == 14);
  CHECK(plan.diagnostics[0].message.find("from 0 to 15") != std::string::npos);
}

TEST_CASE(
    "members: the whole line list, owner first, ports assigned; a member Webex does not offer is a plan "
    "error") {
  LiveState live = org_with_phones();
  DeviceMember owner;
  owner.id = "P-ALICE";
  owner.port = 1;
  owner.line_type = "PRIMARY";
  owner.primary_owner = true;
  live.device_members["D-MPP"] = {"DMS Cisco 8851", 10, {owner}};
  live.member_available["D-MPP"] = {{"P-BOB", true}, {"W-LOBBY", false}};
  DesiredState desired;
  auto p = phone("mpp", "001B54000001", "DMS Cisco 8851");
  MemberSpec bob;
  bob.member = {OwnerRef::Kind::Person, "bob@acme.example", {"phones.yaml", 20, 19}};
  bob.line_label = "Bob";
  p.members = std::vector<MemberSpec>{bob};
  desired.phones = {p};
  Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  const Step* step = find_step(plan, "phone.mpp.members");
  REQUIRE(step);
  const auto& members = std::get<SetPhoneMembers>(step->operation).members;
  REQUIRE(members.size() == 2);
  CHECK(members[0].id == "P-ALICE");
  CHECK(members[0].primary_owner);
  CHECK(members[1].id == "P-BOB");
  CHECK(members[1].port == 2);
  CHECK(members[1].line_label == "Bob");
  CHECK(step->after["members"].size() == 2);
  CHECK(find_step(plan, "phone.mpp.apply-changes"));

  MemberSpec lobby;
  lobby.member = {OwnerRef::Kind::Workspace, "HQ Lobby", {"phones.yaml", 22, 22}};
  desired.phones[0].members->push_back(lobby);
  plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].where.line == 22);
  CHECK(plan.diagnostics[0].message.find("cannot be placed on this phone") != std::string::npos);
  CHECK_FALSE(find_step(plan, "phone.mpp.members"));
}

TEST_CASE("a new PhoneOS phone's settings wait until it is online; its members do not") {
  DesiredState desired;
  auto p = phone("new", "001B54000009", "DMS Cisco 9861");
  p.dynamic_settings["%ENABLE_BLUETOOTH%"] = "1";
  MemberSpec bob;
  bob.member = {OwnerRef::Kind::Person, "bob@acme.example", {"phones.yaml", 20, 19}};
  p.members = std::vector<MemberSpec>{bob};
  desired.phones = {p};
  const Plan plan = make_plan(desired, small_org());
  REQUIRE(plan.diagnostics.empty());
  const Step* dynamic = find_step(plan, "phone.new.dynamic-settings");
  REQUIRE(dynamic);
  CHECK(dynamic->depends_on ==
        std::vector<std::string>{"phone.new.create", "wait.phones-online", "phone.new.mark-pending"});
  const Step* members = find_step(plan, "phone.new.members");
  REQUIRE(members);
  CHECK(members->depends_on == std::vector<std::string>{"phone.new.create"});
}

TEST_CASE("hoteling declared on two phones of one owner is one step with the live values kept") {
  LiveState live = org_with_phones();
  live.person_hoteling["P-ALICE"] = Hoteling{false, true, 12};
  DesiredState desired;
  auto a = phone("mpp", "001B54000001", "DMS Cisco 8851");
  a.hoteling = Hoteling{true, std::nullopt, std::nullopt};
  auto b = phone("desk", "001B54000002", "DMS Cisco 9861");
  b.hoteling = Hoteling{std::nullopt, std::nullopt, 24};
  desired.phones = {a, b};
  const Plan plan = make_plan(desired, live);
  const Step* step = find_step(plan, "person.alice@acme.example.hoteling");
  REQUIRE(step);
  CHECK(std::get<SetOwnerHoteling>(step->operation).hoteling == Hoteling{true, true, 24});
  int hoteling_steps = 0;
  for (const auto& s : plan.steps) hoteling_steps += std::holds_alternative<SetOwnerHoteling>(s.operation);
  CHECK(hoteling_steps == 1);
}

TEST_CASE("a phone an interrupted apply left marked is asked to apply its configuration, and unmarked") {
  LiveState live = org_with_phones();
  live.devices[0].tags = {"hq", kApplyPendingTag, "managed-by-wxphones"};
  live.device_customizations["D-MPP"] = {true, {{"mpp", {{"backlightTimer", "TEN_MIN"}}}}, false};
  DesiredState desired;
  auto p = phone("mpp", "001B54000001", "DMS Cisco 8851");
  p.tags = std::vector<std::string>{"managed-by-wxphones", "hq"};
  p.settings = PhoneSettingsSpec{std::nullopt, {{"mpp", {{"backlightTimer", "TEN_MIN"}}}}};
  desired.phones = {p};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.empty());
  CHECK_FALSE(find_step(plan, "phone.mpp.tags"));  // the marker is not a tag difference
  CHECK_FALSE(find_step(plan, "phone.mpp.mark-pending"));
  REQUIRE(plan.steps.size() == 1);
  const Step* apply = find_step(plan, "phone.mpp.apply-changes");
  REQUIRE(apply);
  CHECK(apply->reason.find("earlier apply stopped") != std::string::npos);
  CHECK(std::get<ApplyPhoneChanges>(apply->operation).tags_after ==
        std::vector<std::string>{"hq", "managed-by-wxphones"});

  SUBCASE("with a tags change too, the tags step keeps the marker until applyChanges") {
    desired.phones[0].tags = std::vector<std::string>{"managed-by-wxphones"};
    const Plan changed = make_plan(desired, live);
    const Step* tags = find_step(changed, "phone.mpp.tags");
    REQUIRE(tags);
    CHECK(std::get<SetPhoneTags>(tags->operation).tags ==
          std::vector<std::string>{"managed-by-wxphones", kApplyPendingTag});
    const Step* again = find_step(changed, "phone.mpp.apply-changes");
    REQUIRE(again);
    CHECK(std::get<ApplyPhoneChanges>(again->operation).tags_after == std::vector<std::string>{"managed-by-wxphones"});
  }
}
