#include <doctest/doctest.h>

#include "wxphones/plan/render.h"

using namespace wx;

namespace {

nlohmann::json layout_json(int keys) {
  nlohmann::json line_keys = nlohmann::json::array();
  for (int i = 1; i <= keys; ++i) {
    line_keys.push_back({{"lineKeyIndex", i},
                         {"lineKeyType", i == 1 ? "PRIMARY_LINE" : "SPEED_DIAL"},
                         {"lineKeyLabel", "Key " + std::to_string(i)},
                         {"lineKeyValue", std::to_string(1000 + i)}});
  }
  return {{"layoutMode", "CUSTOM"}, {"lineKeys", line_keys}};
}

Step phone_step(int n, const std::string& location) {
  Step step;
  step.id = "phone.p" + std::to_string(n) + ".create";
  step.action = Action::Create;
  step.kind = "Phone";
  step.target = "p" + std::to_string(n);
  step.location = location;
  step.after = {{"model", "DMS Cisco 9861"}, {"tags", {"managed"}}, {"layout", layout_json(8)}};
  step.reason = "not found in Webex";
  step.operation = CreatePhoneByMac{PhoneRef{step.target, "", "", "DMS Cisco 9861"}, "P", "", ""};
  return step;
}

Step delete_step(const std::string& name, const std::string& location) {
  Step step;
  step.id = "phone." + name + ".delete";
  step.action = Action::Delete;
  step.kind = "Phone";
  step.target = name;
  step.location = location;
  step.before = {{"model", "DMS Cisco 8851"}};
  step.reason = "in the prune scope and absent from the manifests";
  step.operation = DeletePhone{PhoneRef{name, "D", "", ""}};
  return step;
}

Plan big_plan(int phones) {
  Plan plan;
  const char* locations[] = {"HQ", "Branch", "Lab"};
  for (int i = 0; i < phones; ++i) plan.steps.push_back(phone_step(i, locations[i % 3]));
  plan.steps.push_back(delete_step("old-phone", "Branch"));
  DeviceSettingsJob job;
  job.scope_name = "HQ";
  job.not_reached = {PhoneRef{"p0", "D0", "", ""}, PhoneRef{"p3", "D3", "", ""}};
  Step settings;
  settings.id = "settings.hq";
  settings.action = Action::Update;
  settings.kind = "DeviceSettings";
  settings.target = "hq";
  settings.location = "";
  settings.before = {{"customizations", {{"mpp", {{"backlightTimer", "ALWAYS_ON"}}}}}};
  settings.after = {{"customizations", {{"mpp", {{"backlightTimer", "ONE_MIN"}}}}}};
  settings.reason = "settings differ";
  settings.operation = job;
  plan.steps.push_back(settings);
  for (int i = 0; i < 50; ++i) plan.notes.push_back({"p" + std::to_string(i), "not online yet"});
  return plan;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("Markdown: a small plan is complete: summary, jobs, unreached phones, warning, grids") {
  const Plan plan = big_plan(3);
  const std::string md = render_markdown(plan);
  CHECK(md.find("**Plan: 3 to add, 1 to change, 1 to destroy.") < 200);
  CHECK(md.find("1 device job to run") != std::string::npos);
  CHECK(md.find("2 phones a scope change will not reach (they have their own values): p0, p3") !=
        std::string::npos);
  const auto warning = md.find("> **Warning**: this plan destroys 1 object in Webex: Phone old-phone.");
  REQUIRE(warning != std::string::npos);
  CHECK(warning < md.find("<details>"));
  CHECK(md.find("Details trimmed") == std::string::npos);
  // One collapsible section per location; "" is the organization.
  CHECK(md.find("<details><summary>HQ: 1 change</summary>") != std::string::npos);
  CHECK(md.find("<details><summary>Branch: 2 changes</summary>") != std::string::npos);
  CHECK(md.find("<details><summary>Lab: 1 change</summary>") != std::string::npos);
  CHECK(md.find("<details><summary>organization: 1 change</summary>") != std::string::npos);
  CHECK(count(md, "<details><summary>") == count(md, "</details>"));
  CHECK(md.find("`ALWAYS_ON`") == std::string::npos);  // customizations dumped as one value
  CHECK(md.find("\"ALWAYS_ON\"") != std::string::npos);
  CHECK(md.find("| Key 2 |") != std::string::npos);  // layout as a key grid
  CHECK(md.find("Notes: 50") != std::string::npos);
}

TEST_CASE("Markdown: no deletion warning without deletions") {
  Plan plan;
  plan.steps.push_back(phone_step(1, "HQ"));
  const std::string md = render_markdown(plan);
  CHECK(md.find("Warning") == std::string::npos);
  CHECK(md.find("[!WARNING]") == std::string::npos);
}

TEST_CASE("Markdown: 5,000 phones with layouts stay within 65,000 characters, summary intact") {
  const Plan plan = big_plan(5000);
  REQUIRE(render_markdown(plan, MarkdownOptions{10'000'000, ""}).size() > 65000);  // untrimmed is far bigger
  const std::string md = render_markdown(plan, MarkdownOptions{65000, "`plan.json`"});
  CHECK(md.size() <= 65000);
  CHECK(md.find("**Plan: 5000 to add, 1 to change, 1 to destroy.") < 200);
  CHECK(md.find("> **Warning**: this plan destroys 1 object") != std::string::npos);
  CHECK(md.find("Details trimmed to fit 65,000 characters; the full plan is in `plan.json`.") !=
        std::string::npos);
  // Per-location counts survive the trimming.
  CHECK(md.find("HQ: 1667 changes") != std::string::npos);
  CHECK(md.find("Branch: 1668 changes") != std::string::npos);
  CHECK(md.find("Lab: 1666 changes") != std::string::npos);
  CHECK(md.find("organization: 1 change") != std::string::npos);
}

TEST_CASE("Markdown: layout grids go first, then tables, then step lines") {
  const Plan plan = big_plan(30);
  const std::string full = render_markdown(plan, MarkdownOptions{1'000'000, ""});
  REQUIRE(full.find("| Key 2 |") != std::string::npos);
  // Just too small for the grids: tables stay, grids go.
  const std::string no_grids = render_markdown(plan, MarkdownOptions{full.size() - 1, ""});
  CHECK(no_grids.size() < full.size());
  CHECK(no_grids.find("| Key 2 |") == std::string::npos);
  CHECK(no_grids.find("| `+` | Phone p1 |") != std::string::npos);
  CHECK(no_grids.find("layout: (grid trimmed)") != std::string::npos);
  CHECK(no_grids.find("the full plan is in `wxphones plan --format json`.") != std::string::npos);
  // Tables go next: one line per step.
  const std::string lines = render_markdown(plan, MarkdownOptions{no_grids.size() - 10, ""});
  CHECK(lines.find("| `+` | Phone p1 |") == std::string::npos);
  CHECK(lines.find("- `+` Phone p1: create (not found in Webex)") != std::string::npos);
  // Then counts only.
  const std::string counts = render_markdown(plan, MarkdownOptions{lines.size() - 10, ""});
  CHECK(counts.find("Phone p1") == std::string::npos);
  CHECK(counts.find("- HQ: 10 changes") != std::string::npos);
  CHECK(counts.size() <= lines.size() - 10);
}

TEST_CASE("Markdown: the budget holds even when the per-location counts do not fit") {
  Plan plan;
  for (int i = 0; i < 3000; ++i) plan.steps.push_back(phone_step(i, "Location " + std::to_string(i)));
  const std::string md = render_markdown(plan);
  CHECK(md.size() <= 65000);
  CHECK(md.find("**Plan: 3000 to add, 0 to change, 0 to destroy.") < 200);
  CHECK(md.find("more locations") != std::string::npos);
}
