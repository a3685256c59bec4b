#include <doctest/doctest.h>

#include "support/builders.h"
#include "wxphones/plan/planner.h"
#include "wxphones/plan/render.h"

using namespace wx;
using namespace wx::test;

namespace {
Plan drift_plan() {
  DesiredState desired;
  desired.project.prune_phones = PhonePruneScope{{"Branch"}, std::nullopt};
  auto bob = mac_phone("bob", "001B54AA0003", "DMS Cisco 8851", "bob@acme.example");
  bob.tags = std::vector<std::string>{"sales"};
  auto alice = mac_phone("alice", "001B54AA0104", "DMS Cisco 8851", "alice@acme.example");
  desired.phones = {bob, alice};
  LiveState live = small_org();
  live.devices = {live_phone("D1", "001B54AA0003", "DMS Cisco 8851", "P-BOB", "L-BR", {"old"}),
                  live_phone("D2", "001B54AA0009", "DMS Cisco 7841", "P-BOB", "L-BR")};
  return make_plan(desired, live);
}
}  // namespace

TEST_CASE("text plan: glyphs, only changed fields, summary last; no colour unless asked") {
  const std::string text = render_text(drift_plan());
  CHECK(text.find("+ Phone \"alice\"") != std::string::npos);
  CHECK(text.find("~ Phone \"bob\"") != std::string::npos);
  CHECK(text.find("~ tags: [\"old\"] -> [\"sales\"]") != std::string::npos);
  CHECK(text.find("- Phone \"001B54AA0009\"") != std::string::npos);
  CHECK(text.find("via: DELETE /devices/{deviceId}") != std::string::npos);
  CHECK(text.find("\033[") == std::string::npos);
  CHECK(text.rfind("Plan: 1 to add, 1 to change, 1 to destroy. 1 phone to wait for online.\n") !=
        std::string::npos);
  CHECK(render_text(drift_plan(), {true}).find("\033[32m+") != std::string::npos);
}

TEST_CASE("an empty plan says so") {
  const std::string text = render_text(Plan{});
  CHECK(text ==
        "No changes. The organisation matches the manifests.\nPlan: 0 to add, 0 to change, 0 to destroy.\n");
}

TEST_CASE("JSON plan carries version, summary, steps with operations and dependencies") {
  const auto json = plan_to_json(drift_plan());
  CHECK(json["formatVersion"] == kPlanFormatVersion);
  CHECK(json["summary"] ==
        nlohmann::json{{"add", 1}, {"change", 1}, {"destroy", 1}, {"waitOnline", 1}, {"jobs", 0}});
  bool saw_delete = false;
  for (const auto& step : json["steps"]) {
    if (step["action"] == "delete") {
      saw_delete = true;
      CHECK(step["operation"]["type"] == "deletePhone");
      CHECK(step["operation"]["phone"]["deviceId"] == "D2");
    }
  }
  CHECK(saw_delete);
}

TEST_CASE("Markdown: summary first, deletion warning, one collapsible section per location") {
  const std::string md = render_markdown(drift_plan());
  CHECK(md.find("**Plan: 1 to add, 1 to change, 1 to destroy.") < md.find("<details>"));
  CHECK(md.find("[!WARNING]") != std::string::npos);
  CHECK(md.find("<details><summary>Branch: ") != std::string::npos);
  CHECK(md.find("<details><summary>HQ: ") != std::string::npos);
}
