#include <doctest/doctest.h>

#include "support/builders.h"
#include "support/plan_lookup.h"
#include "wxphones/plan/planner.h"

using namespace wx;
using namespace wx::test;

TEST_CASE("a phone missing from Webex is created, its tags written after it, and waited for") {
  DesiredState desired;
  auto phone = mac_phone("hq-alice", "001B54AA0104", "DMS Cisco 9841", "alice@acme.example");
  phone.tags = std::vector<std::string>{"b", "a", "a"};
  desired.phones = {phone};
  const Plan plan = make_plan(desired, small_org());
  REQUIRE(plan.diagnostics.empty());
  REQUIRE(plan.steps.size() == 3);
  CHECK(plan.steps[0].id == "phone.hq-alice.create");
  CHECK(plan.steps[0].location == "HQ");
  CHECK(std::get<CreatePhoneByMac>(plan.steps[0].operation).person_id == "P-ALICE");
  CHECK(plan.steps[1].action == Action::Wait);
  CHECK(plan.steps[2].id == "phone.hq-alice.tags");
  // A PhoneOS phone gets its tags only once it is online (it may not be Webex-aware before).
  CHECK(plan.steps[2].depends_on == std::vector<std::string>{"phone.hq-alice.create", "wait.phones-online"});
  CHECK(std::get<SetPhoneTags>(plan.steps[2].operation).tags == std::vector<std::string>{"a", "b"});
  const auto s = plan.summary();
  CHECK(s.add == 1);
  CHECK(s.change == 0);
  CHECK(s.waits == 1);
}

TEST_CASE("an MPP phone's tags do not wait for it to come online") {
  DesiredState desired;
  auto phone = mac_phone("bob", "001B54AA0003", "DMS Cisco 8851", "bob@acme.example");
  phone.tags = std::vector<std::string>{"x"};
  desired.phones = {phone};
  const Plan plan = make_plan(desired, small_org());
  const Step* tags = find_step(plan, "phone.bob.tags");
  REQUIRE(tags);
  CHECK(tags->depends_on == std::vector<std::string>{"phone.bob.create"});
}

TEST_CASE("a converged phone gives an empty plan; tags compare as a set") {
  DesiredState desired;
  auto phone = mac_phone("bob", "001B54AA0003", "Cisco 8851", "bob@acme.example");  // display name works too
  phone.tags = std::vector<std::string>{"sales", "managed"};
  desired.phones = {phone};
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0003", "DMS Cisco 8851", "P-BOB", "L-BR", {"managed", "sales"})};
  const Plan plan = make_plan(desired, live);
  CHECK(plan.steps.empty());
  CHECK_FALSE(plan.summary().has_changes());
}

TEST_CASE("unmanaged tags (no tags: key) are left alone") {
  DesiredState desired;
  desired.phones = {mac_phone("bob", "001B54AA0003", "DMS Cisco 8851", "bob@acme.example")};
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0003", "DMS Cisco 8851", "P-BOB", "L-BR", {"whatever"})};
  CHECK(make_plan(desired, live).steps.empty());
}

TEST_CASE("drifted tags are an update with before and after") {
  DesiredState desired;
  auto phone = mac_phone("bob", "001B54AA0003", "DMS Cisco 8851", "bob@acme.example");
  phone.tags = std::vector<std::string>{"sales"};
  desired.phones = {phone};
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0003", "DMS Cisco 8851", "P-BOB", "L-BR", {"hacked"})};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.steps.size() == 1);
  CHECK(plan.steps[0].action == Action::Update);
  CHECK(plan.steps[0].before["tags"] == nlohmann::json{"hacked"});
  CHECK(plan.steps[0].after["tags"] == nlohmann::json{"sales"});
  CHECK(plan.steps[0].depends_on.empty());
  CHECK(plan.summary().change == 1);
}

TEST_CASE("a phone under another owner is replaced, because Webex cannot move it") {
  DesiredState desired;
  desired.phones = {mac_phone("p", "001B54AA0003", "DMS Cisco 8851", "alice@acme.example")};
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0003", "DMS Cisco 8851", "P-BOB", "L-BR")};
  const Plan plan = make_plan(desired, live);
  REQUIRE_FALSE(plan.steps.empty());
  CHECK(plan.steps[0].action == Action::Replace);
  CHECK(std::get<CreatePhoneByMac>(plan.steps[0].operation).replaces_device_id == "D1");
  const auto s = plan.summary();
  CHECK(s.add == 1);
  CHECK(s.destroy == 1);
}

TEST_CASE("owner ids compare without base64 padding") {
  DesiredState desired;
  desired.phones = {mac_phone("p", "001B54AA0003", "DMS Cisco 8851", "alice@acme.example")};
  LiveState live = small_org();
  live.people["alice@acme.example"].id = "QUJD";
  live.devices = {live_phone("D1", "001B54AA0003", "DMS Cisco 8851", "QUJD==", "L-HQ")};
  CHECK(make_plan(desired, live).steps.empty());
}

namespace {

// HQ Lobby's 8875, created with an activation code nobody has entered yet.
LiveState org_with_activating_lobby_phone() {
  LiveState live = small_org();
  LiveDevice d = live_phone("D9", "", "", "", "L-HQ", {}, "activating");
  d.workspace_id = "W-LOBBY";
  d.product = "Cisco 8875";
  live.devices = {d};
  return live;
}

}  // namespace

TEST_CASE("an activation-code phone pairs with its owner's device of the same model") {
  DesiredState desired;
  desired.phones = {code_phone("lobby", "DMS Cisco 8875", "HQ Lobby")};
  const LiveState live = org_with_activating_lobby_phone();
  const Plan plan = make_plan(desired, live);
  CHECK(plan.steps.empty());  // nothing new: a second code would make a duplicate phone
  REQUIRE(plan.notes.size() == 1);
  CHECK(plan.notes[0].message.find("activating") != std::string::npos);
}

TEST_CASE(
    "with reissue_activation_codes a phone still activating gets a new code in place of the old device") {
  DesiredState desired;
  desired.phones = {code_phone("lobby", "DMS Cisco 8875", "HQ Lobby")};
  LiveState live = org_with_activating_lobby_phone();
  PlanOptions options;
  options.reissue_activation_codes = true;
  const Plan plan = make_plan(desired, live, options);
  REQUIRE_FALSE(plan.steps.empty());
  CHECK(plan.steps[0].action == Action::Replace);
  const auto& op = std::get<IssueActivationCode>(plan.steps[0].operation);
  CHECK(op.replaces_device_id == "D9");  // deleted first: never two devices for one phone
  CHECK(plan.steps[0].reason.find("--reissue-activation-codes") != std::string::npos);

  live.devices[0].activation_state = "";  // activated meanwhile: nothing to reissue
  live.devices[0].connection_status = "connected";
  CHECK(make_plan(desired, live, options).steps.empty());
}

TEST_CASE("a new activation-code phone issues a code") {
  DesiredState desired;
  desired.phones = {code_phone("lobby", "DMS Cisco 8875", "HQ Lobby")};
  const Plan plan = make_plan(desired, small_org());
  REQUIRE_FALSE(plan.steps.empty());
  const auto& op = std::get<IssueActivationCode>(plan.steps[0].operation);
  CHECK(op.workspace_id == "W-LOBBY");
  CHECK(op.phone.model == "DMS Cisco 8875");
  CHECK(plan.steps[0].calls == std::vector<std::string>{"POST /devices/activationCode"});
}

TEST_CASE("unknown people and workspaces are plan errors at the manifest line") {
  DesiredState desired;
  desired.phones = {mac_phone("a", "001B54AA0001", "DMS Cisco 8851", "ghost@acme.example"),
                    code_phone("b", "DMS Cisco 8875", "Nowhere")};
  const Plan plan = make_plan(desired, small_org());
  CHECK(plan.steps.empty());
  REQUIRE(plan.diagnostics.size() == 2);
  CHECK(plan.diagnostics[0].where == SourceLocation{"phones.yaml", 7, 19});
  CHECK(plan.diagnostics[0].field == "spec.owner.person");
  CHECK(plan.diagnostics[1].field == "spec.owner.workspace");
}

TEST_CASE("an ambiguous workspace name is a plan error") {
  DesiredState desired;
  desired.phones = {code_phone("b", "DMS Cisco 8875", "HQ Lobby")};
  LiveState live = small_org();
  live.workspace_matches["HQ Lobby"] = 2;
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].message.find("2 workspaces") != std::string::npos);
}

TEST_CASE("a model the organisation does not offer is a plan error") {
  DesiredState desired;
  desired.phones = {mac_phone("a", "001B54AA0001", "DMS Cisco 8851", "alice@acme.example")};
  LiveState live = small_org();
  live.catalog = ModelCatalog(std::vector<DeviceModel>{});
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].field == "spec.model");
}

TEST_CASE("a MAC Webex reports unavailable is a plan error naming the code") {
  DesiredState desired;
  desired.phones = {mac_phone("a", "001B54AA0001", "DMS Cisco 8851", "alice@acme.example")};
  LiveState live = small_org();
  live.mac_status["001B54AA0001"] = {"001B54AA0001", "UNAVAILABLE", 5675,
                                     "[Error 5675] MAC Address is in use."};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].message.find("5675") != std::string::npos);
  CHECK(plan.diagnostics[0].where == SourceLocation{"phones.yaml", 6, 8});
}

TEST_CASE("prune: only tagged phones inside the scope's locations, and nothing without a scope") {
  DesiredState desired;
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0001", "DMS Cisco 8851", "P-BOB", "L-BR", {"managed"}),
                  live_phone("D2", "001B54AA0002", "DMS Cisco 8851", "P-BOB", "L-BR", {}),
                  live_phone("D3", "001B54AA0003", "DMS Cisco 8851", "P-ALICE", "L-HQ", {"managed"})};
  CHECK(make_plan(desired, live).steps.empty());

  desired.project.prune_phones = PhonePruneScope{{"Branch"}, std::string("managed")};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.steps.size() == 1);
  CHECK(plan.steps[0].action == Action::Delete);
  CHECK(std::get<DeletePhone>(plan.steps[0].operation).phone.device_id == "D1");

  desired.project.prune_phones = PhonePruneScope{{}, std::nullopt};  // every location, any tag
  CHECK(make_plan(desired, live).summary().destroy == 3);
}

TEST_CASE("deletes come last, creates first") {
  DesiredState desired;
  desired.project.prune_phones = PhonePruneScope{};
  auto phone = mac_phone("new", "001B54AA0F01", "DMS Cisco 8851", "alice@acme.example");
  phone.tags = std::vector<std::string>{"t"};
  desired.phones = {phone};
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0001", "DMS Cisco 8851", "P-BOB", "L-BR")};
  const Plan plan = make_plan(desired, live);
  REQUIRE(plan.steps.size() == 4);
  CHECK(plan.steps.front().action == Action::Create);
  CHECK(plan.steps.back().action == Action::Delete);
}
