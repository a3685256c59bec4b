// Phone spec.members and spec.hoteling.
#include <doctest/doctest.h>

#include "manifest_test_support.h"

namespace {

std::string phone(const std::string& model, const std::string& extra) {
  return "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: p}\nspec:\n  model: " + model +
         "\n  mac: 00:1B:54:AA:01:02\n  owner: {person: a@acme.example}\n" + extra;
}

}  // namespace

TEST_CASE("members: decode with defaults and locations") {
  auto set = wx::test::load_text(phone("Cisco 8851",
                                       "  members:\n"
                                       "    - {person: bob@acme.example}\n"
                                       "    - workspace: HQ Lobby\n      port: 4\n      lineLabel: Lobby\n"
                                       "      hotlineEnabled: true\n      hotlineDestination: \"5000\"\n"
                                       "      allowCallDeclineEnabled: false\n"
                                       "      lineType: SHARED_CALL_APPEARANCE\n"));
  INFO(wx::test::messages(set));
  REQUIRE(set.diagnostics.empty());
  const wx::DesiredPhone& p = set.desired.phones.at(0);
  REQUIRE(p.members.has_value());
  REQUIRE(p.members->size() == 2);
  const wx::MemberSpec& bob = (*p.members)[0];
  CHECK(bob.member.kind == wx::OwnerRef::Kind::Person);
  CHECK(bob.member.name == "bob@acme.example");
  CHECK(bob.member.where == wx::SourceLocation{"m.yaml", 9, 16});
  CHECK_FALSE(bob.port.has_value());
  CHECK(bob.line_type == "SHARED_CALL_APPEARANCE");
  CHECK_FALSE(bob.line_label.has_value());
  CHECK_FALSE(bob.hotline_enabled);
  CHECK(bob.allow_call_decline_enabled);
  const wx::MemberSpec& lobby = (*p.members)[1];
  CHECK(lobby.member.kind == wx::OwnerRef::Kind::Workspace);
  CHECK(lobby.member.name == "HQ Lobby");
  CHECK(lobby.port == 4);
  CHECK(lobby.line_label == "Lobby");
  CHECK(lobby.hotline_enabled);
  CHECK(lobby.hotline_destination == "5000");
  CHECK_FALSE(lobby.allow_call_decline_enabled);
  CHECK(p.location_of("spec.members[1].workspace") == wx::SourceLocation{"m.yaml", 10, 18});
  CHECK(p.location_of("spec.members[0].person") == wx::SourceLocation{"m.yaml", 9, 16});
}

TEST_CASE("members: an empty list manages the lines (only the owner's); absent does not") {
  auto set = wx::test::load_text(phone("Cisco 8851", "  members: []\n"));
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.phones.at(0).members.has_value());
  CHECK(set.desired.phones.at(0).members->empty());
}

TEST_CASE("members: rules") {
  SUBCASE("person and workspace") {
    auto set =
        wx::test::load_text(phone("Cisco 8851", "  members: [{person: b@acme.example, workspace: W}]\n"));
    REQUIRE(set.diagnostics.size() == 1);
    CHECK(set.diagnostics[0].field == "spec.members[0]");
  }
  SUBCASE("port range uses numberOfLinePorts") {
    auto ok = wx::test::load_text(phone("Cisco 8851", "  members: [{person: b@acme.example, port: 10}]\n"));
    CHECK(ok.diagnostics.empty());
    auto bad = wx::test::load_text(phone("Cisco 8851", "  members: [{person: b@acme.example, port: 11}]\n"));
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].field == "spec.members[0].port");
    CHECK(bad.diagnostics[0].message.find("ports 2 to 10") != std::string::npos);
  }
  SUBCASE("no room") {
    auto set = wx::test::load_text(phone("Cisco 7811", "  members: [{person: b@acme.example}]\n"));
    REQUIRE(set.diagnostics.size() == 1);
    CHECK(set.diagnostics[0].field == "spec.members");
    CHECK(set.diagnostics[0].message.find("at most 0 members") != std::string::npos);
  }
  SUBCASE("the owner is implicit, compared without case") {
    auto set = wx::test::load_text(phone("Cisco 8851", "  members: [{person: A@Acme.Example}]\n"));
    REQUIRE(set.diagnostics.size() == 1);
    CHECK(set.diagnostics[0].field == "spec.members[0].person");
  }
  SUBCASE("duplicates: member and port") {
    auto set = wx::test::load_text(
        phone("Cisco 8851",
              "  members:\n    - {person: b@acme.example, port: 2}\n"
              "    - {person: c@acme.example, port: 2}\n    - {person: B@acme.example}\n"));
    REQUIRE(set.diagnostics.size() == 2);
    CHECK(set.diagnostics[0].field == "spec.members[1].port");
    CHECK(set.diagnostics[1].field == "spec.members[2].person");
    CHECK(set.desired.phones.at(0).members->size() == 2);
  }
  SUBCASE("hotline destination iff hotline enabled") {
    auto set = wx::test::load_text(phone("Cisco 8851",
                                         "  members:\n    - {person: b@acme.example, hotlineEnabled: true}\n"
                                         "    - {person: c@acme.example, hotlineDestination: \"1\"}\n"
                                         "    - {person: d@acme.example, hotlineEnabled: false}\n"));
    REQUIRE(set.diagnostics.size() == 2);
    CHECK(set.diagnostics[0].field == "spec.members[0].hotlineDestination");
    CHECK(set.diagnostics[1].field == "spec.members[1].hotlineDestination");
  }
  SUBCASE("PRIMARY is not a member's line type") {
    auto set = wx::test::load_text(
        phone("Cisco 8851", "  members: [{person: b@acme.example, lineType: PRIMARY}]\n"));
    REQUIRE(set.diagnostics.size() == 1);
    CHECK(set.diagnostics[0].field == "spec.members[0].lineType");
  }
}

TEST_CASE("hoteling: on a phone, and its range") {
  auto set = wx::test::load_text(phone("Cisco 8851", "  hoteling: {enabled: true, guestHoursLimit: 12}\n"));
  REQUIRE(set.diagnostics.empty());
  const auto& hoteling = set.desired.phones.at(0).hoteling;
  REQUIRE(hoteling.has_value());
  CHECK(hoteling->enabled == true);
  CHECK_FALSE(hoteling->limit_guest_use.has_value());
  CHECK(hoteling->guest_hours_limit == 12);
  for (const char* hours : {"0", "1000", "1.5"}) {
    CAPTURE(hours);
    auto bad = wx::test::load_text(
        phone("Cisco 8851", std::string("  hoteling: {guestHoursLimit: ") + hours + "}\n"));
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].field == "spec.hoteling.guestHoursLimit");
  }
}
