#include <doctest/doctest.h>

#include "support/builders.h"
#include "wxphones/plan/phone_pairing.h"

using namespace wx;
using namespace wx::test;

TEST_CASE("MAC phones pair by MAC first; activation-code phones never take a device a MAC names") {
  LiveState live = small_org();
  LiveDevice by_code = live_phone("D2", "", "DMS Cisco 8875", "", "L-HQ", {}, "activating");
  by_code.workspace_id = "W-LOBBY";
  LiveDevice named = live_phone("D1", "001B54AA0001", "DMS Cisco 8875", "", "L-HQ");
  named.workspace_id = "W-LOBBY";
  live.devices = {named, by_code, live_phone("D3", "001B54AA0009", "DMS Cisco 8851", "P-BOB", "L-BR")};
  auto lobby_mac = mac_phone("lobby-a", "001B54AA0001", "DMS Cisco 8875", "x");
  lobby_mac.owner = {OwnerRef::Kind::Workspace, "HQ Lobby", {}};
  std::vector<DesiredPhone> desired{code_phone("lobby-b", "DMS Cisco 8875", "HQ Lobby"), lobby_mac};
  std::map<std::string, ResolvedOwner> owners{{"lobby-a", {"", "W-LOBBY", "L-HQ"}},
                                              {"lobby-b", {"", "W-LOBBY", "L-HQ"}}};
  const auto pairing = pair_phones(desired, live, owners);
  REQUIRE(pairing.pairs.size() == 2);
  for (const auto& pair : pairing.pairs) {
    REQUIRE(pair.live);
    CHECK(pair.live->id == (pair.desired->name == "lobby-a" ? "D1" : "D2"));
  }
  REQUIRE(pairing.unpaired_live.size() == 1);
  CHECK(pairing.unpaired_live[0]->id == "D3");
}

TEST_CASE("phones whose owner did not resolve are left out of the pairing") {
  LiveState live = small_org();
  std::vector<DesiredPhone> desired{mac_phone("a", "001B54AA0001", "DMS Cisco 8851", "ghost@acme.example")};
  CHECK(pair_phones(desired, live, {}).pairs.empty());
}
