#include <doctest/doctest.h>

#include "cli/drift_report.h"
#include "cli/drift_unmanaged.h"
#include "support/builders.h"
#include "wxphones/plan/planner.h"

using namespace wx;
using namespace wx::cli;
using namespace wx::test;

namespace {

DesiredState alice_desk() {
  DesiredState desired;
  desired.phones = {mac_phone("alice-desk", "001B54AA0001", "DMS Cisco 8851", "alice@acme.example")};
  return desired;
}

}  // namespace

TEST_CASE("unmanaged phones: owned by a manifest's owner, declared by none, not deleted by the plan") {
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0001", "DMS Cisco 8851", "P-ALICE", "L-HQ"),
                  live_phone("D2", "001B54AA0002", "DMS Cisco 8865", "P-ALICE", "L-HQ", {}, "disconnected")};
  const DesiredState desired = alice_desk();
  const Plan plan = make_plan(desired, live);
  const auto unmanaged = find_unmanaged_phones(plan, live, desired);
  REQUIRE(unmanaged.size() == 1);
  CHECK(unmanaged[0].device_id == "D2");
  CHECK(unmanaged[0].mac == "001B54AA0002");
  CHECK(unmanaged[0].owner == "alice@acme.example");
  CHECK(unmanaged[0].location == "HQ");
  CHECK_FALSE(unmanaged[0].online);
}

TEST_CASE("phones the plan prunes are delete steps, not unmanaged phones") {
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0001", "DMS Cisco 8851", "P-ALICE", "L-HQ"),
                  live_phone("D2", "001B54AA0002", "DMS Cisco 8851", "P-ALICE", "L-HQ"),
                  live_phone("D3", "001B54AA0003", "DMS Cisco 8851", "P-BOB", "L-BR")};
  DesiredState desired = alice_desk();
  desired.project.prune_phones = PhonePruneScope{{"Branch"}, std::nullopt};
  const Plan plan = make_plan(desired, live);
  const auto unmanaged = find_unmanaged_phones(plan, live, desired);
  REQUIRE(unmanaged.size() == 1);
  CHECK(unmanaged[0].device_id == "D2");  // HQ is outside the prune scope
  bool deletes_d3 = false;
  for (const auto& step : plan.steps) {
    if (const auto* del = std::get_if<DeletePhone>(&step.operation))
      deletes_d3 = del->phone.device_id == "D3";
  }
  CHECK(deletes_d3);
}

TEST_CASE("a clean org has no unmanaged phones and the JSON report says no drift") {
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0001", "DMS Cisco 8851", "P-ALICE", "L-HQ")};
  const DesiredState desired = alice_desk();
  const Plan plan = make_plan(desired, live);
  const auto unmanaged = find_unmanaged_phones(plan, live, desired);
  CHECK(unmanaged.empty());
  const auto json = drift_to_json(plan, unmanaged);
  CHECK(json["formatVersion"] == kDriftFormatVersion);
  CHECK(json["drift"] == false);
  CHECK(json["unmanagedPhones"].empty());
  CHECK(json.contains("summary"));
}

TEST_CASE("a message longer than the limit is cut at a line and says so") {
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += "- line " + std::to_string(i) + " of the report\n";
  const std::string fitted = fit_message(long_text, 7439);
  CHECK(fitted.size() <= 7439);
  CHECK(fitted.find("Report truncated") != std::string::npos);
  CHECK(fitted.rfind("- line 0 of", 0) == 0);
  CHECK(fit_message("short\n", 7439) == "short\n");
  // No line break to cut at: whole UTF-8 characters only.
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "\xC3\xA9";  // é
  const std::string cut = fit_message(accents, 150);
  CHECK(cut.size() <= 150);
  const std::string head = cut.substr(0, cut.find("\n\n_Report"));
  CHECK(head.size() % 2 == 0);
}
