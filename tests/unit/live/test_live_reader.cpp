#include <doctest/doctest.h>

#include "support/builders.h"
#include "support/fake_webex_api.h"
#include "wxphones/live/live_reader.h"

using namespace wx;
using namespace wx::test;

TEST_CASE("the reader reads only what the manifests touch") {
  FakeWebexApi api;
  api.people["alice@acme.example"] = {"P-ALICE", "alice@acme.example", "Alice", "L-HQ"};
  api.people["zed@acme.example"] = {"P-ZED", "zed@acme.example", "Zed", "L-HQ"};
  api.locations = {{"L-HQ", "HQ"}};
  api.devices = {live_phone("D1", "001B54AA0001", "DMS Cisco 8851", "P-ALICE", "L-HQ"),
                 live_phone("D9", "001B54AA0009", "DMS Cisco 8851", "P-ZED", "L-HQ")};
  DesiredState desired;
  desired.phones = {mac_phone("a", "001B54AA0001", "DMS Cisco 8851", "Alice@acme.example"),
                    mac_phone("b", "001B54AA0002", "DMS Cisco 8851", "alice@acme.example")};
  const LiveRead read = read_live_state(desired, api);
  CHECK(api.count("GET /people") == 1);  // one lookup per distinct owner, emails compared case-insensitively
  CHECK(api.count("GET /people zed") == 0);
  REQUIRE(read.state.devices.size() == 1);  // zed's phone is not read: no manifest touches it
  CHECK(read.state.devices[0].id == "D1");
  CHECK(api.count("POST validateMacs") == 1);  // only the MAC that is not a device yet
  CHECK(read.state.mac_status.at("001B54AA0002").state == "AVAILABLE");
  CHECK(read.state.people.contains("alice@acme.example"));
}

TEST_CASE("the prune scope's phones are read, and an unknown prune location is an error") {
  FakeWebexApi api;
  api.locations = {{"L-HQ", "HQ"}};
  api.devices = {live_phone("D9", "001B54AA0009", "DMS Cisco 8851", "P-ZED", "L-HQ", {"managed"})};
  DesiredState desired;
  desired.project.prune_phones = PhonePruneScope{{"HQ", "Atlantis"}, std::string("managed")};
  const LiveRead read = read_live_state(desired, api);
  CHECK(read.state.devices.size() == 1);
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].message.find("Atlantis") != std::string::npos);
}

namespace {

// Three named owners with phones, a stranger's phone in the prune scope, a phone a manifest names
// under another owner, and phones nobody names.
void seed_listing_org(FakeWebexApi& api) {
  api.locations = {{"L-HQ", "HQ"}, {"L-BR", "Branch"}};
  api.people["alice@acme.example"] = {"P-ALICE", "alice@acme.example", "Alice", "L-HQ"};
  api.people["bob@acme.example"] = {"P-BOB", "bob@acme.example", "Bob", "L-BR"};
  api.people["zed@acme.example"] = {"P-ZED", "zed@acme.example", "Zed", "L-HQ"};
  api.workspaces = {{"W-LOBBY", "HQ Lobby", "L-HQ"}, {"W-KITCHEN", "Kitchen", "L-BR"}};
  api.devices = {live_phone("D1", "001B54AA0001", "DMS Cisco 8851", "P-ALICE", "L-HQ"),
                 live_phone("D2", "001B54AA0002", "DMS Cisco 8851", "P-BOB", "L-BR"),
                 live_phone("D3", "001B54AA0003", "DMS Cisco 7841", "P-ZED", "L-HQ", {"managed"}),
                 live_phone("D4", "001B54AA0004", "DMS Cisco 7841", "P-ZED", "L-BR"),
                 live_phone("D5", "001B54AA0005", "DMS Cisco 7841", "P-ZED", "L-BR", {"managed"})};
  api.devices.push_back(live_phone("D6", "001B54AA0006", "DMS Cisco 8851", "", "L-HQ"));
  api.devices.back().workspace_id = "W-LOBBY";
}

DesiredState listing_manifests() {
  DesiredState desired;
  desired.phones = {mac_phone("a", "001B54AA0001", "DMS Cisco 8851", "alice@acme.example"),
                    mac_phone("b", "001B54AA0002", "DMS Cisco 8851", "Bob@acme.example"),
                    // zed's phone, declared under alice: the plan must see it to move it
                    mac_phone("moved", "001B54AA0004", "DMS Cisco 7841", "alice@acme.example"),
                    mac_phone("new", "001B54AA0099", "DMS Cisco 8851", "alice@acme.example")};
  DesiredPhone lobby = mac_phone("lobby", "001B54AA0006", "DMS Cisco 8851", "");
  lobby.owner = {OwnerRef::Kind::Workspace, "HQ Lobby", {}};
  desired.phones.push_back(lobby);
  desired.project.prune_phones = PhonePruneScope{{"HQ"}, std::string("managed")};
  return desired;
}

std::string device_ids(const LiveState& live) {
  std::vector<std::string> ids;
  for (const auto& d : live.devices) ids.push_back(d.id);
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (const auto& id : ids) out += id + " ";
  return out;
}

}  // namespace

TEST_CASE("org-wide listings find what per-owner lookups find, in fewer requests") {
  FakeWebexApi one_by_one_api;
  seed_listing_org(one_by_one_api);
  LiveReadOptions one_by_one;
  one_by_one.org_wide_min_owners = 1000;
  const LiveRead expected = read_live_state(listing_manifests(), one_by_one_api, one_by_one);

  FakeWebexApi listing_api;
  seed_listing_org(listing_api);
  LiveReadOptions listings;
  listings.org_wide_min_owners = 1;
  const LiveRead got = read_live_state(listing_manifests(), listing_api, listings);

  // D3: zed's phone in the prune scope; D4: named by MAC; D5 is tagged but outside the scope.
  CHECK(device_ids(expected.state) == "D1 D2 D3 D4 D6 ");
  CHECK(device_ids(got.state) == device_ids(expected.state));
  CHECK(got.state.people.size() == 2);
  CHECK(got.state.people.at("bob@acme.example").id == "P-BOB");
  CHECK(got.state.people.contains("zed@acme.example") == false);  // listed, but nobody names zed
  CHECK(got.state.workspaces.at("HQ Lobby").id == "W-LOBBY");
  CHECK(got.state.workspace_matches.at("HQ Lobby") == 1);
  CHECK(got.state.mac_status.at("001B54AA0099").state == expected.state.mac_status.at("001B54AA0099").state);

  CHECK(listing_api.count("GET /people ") == 0);  // no lookup by email
  CHECK(listing_api.count("GET /people") == 1);
  CHECK(listing_api.count("GET /workspaces") == 1);
  CHECK(listing_api.count("GET /devices") == 1);
  // Only alice declares a phone /devices does not show (the new one): only her listing is read.
  CHECK(listing_api.count("GET owner devices") == 1);
  CHECK(listing_api.count("GET owner devices P-ALICE") == 1);
  CHECK(one_by_one_api.count("GET owner devices") == 3);
}

TEST_CASE("members already on a phone are not searched for; the others are") {
  FakeWebexApi api;
  api.locations = {{"L-HQ", "HQ"}};
  api.people["alice@acme.example"] = {"P-ALICE", "alice@acme.example", "Alice Adams", "L-HQ"};
  api.people["bob@acme.example"] = {"P-BOB", "bob@acme.example", "Bob Brown", "L-HQ"};
  api.people["carol@acme.example"] = {"P-CAROL", "carol@acme.example", "Carol Clark", "L-HQ"};
  api.devices = {live_phone("D2", "001B54AA0002", "DMS Cisco 8851", "P-BOB", "L-HQ")};
  DeviceMember bob;
  bob.id = "P-BOB";
  bob.primary_owner = true;
  bob.line_type = "PRIMARY";
  DeviceMember alice;
  alice.id = "P-ALICE";
  alice.port = 2;
  api.members["D2"].members = {bob, alice};

  DesiredState desired;
  DesiredPhone phone = mac_phone("b", "001B54AA0002", "DMS Cisco 8851", "bob@acme.example");
  MemberSpec on_phone, not_yet;
  on_phone.member = {OwnerRef::Kind::Person, "alice@acme.example", {}};
  not_yet.member = {OwnerRef::Kind::Person, "carol@acme.example", {}};
  phone.members = std::vector<MemberSpec>{on_phone, not_yet};
  desired.phones = {phone};

  const LiveRead read = read_live_state(desired, api);
  CHECK(api.count("GET members D2") == 1);
  CHECK(api.count("GET availableMembers") == 1);
  CHECK(api.count("GET availableMembers D2 Clark") == 1);  // carol, by the last word of her name
  const auto& available = read.state.member_available.at("D2");
  CHECK(available.at("P-ALICE"));
  CHECK_FALSE(available.at("P-CAROL"));  // searched for, not offered
}
