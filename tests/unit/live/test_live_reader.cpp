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
