#include <doctest/doctest.h>

#include "support/builders.h"
#include "wxphones/plan/template_planner.h"

using namespace wx;
using namespace wx::test;

namespace {

DesiredTemplate desired_template(const std::string& model, std::vector<LineKey> keys) {
  DesiredTemplate t;
  t.name = "reception";
  t.spec.template_name = "reception";
  t.spec.device_model = model;
  t.spec.line_keys = std::move(keys);
  return t;
}

LineKeyTemplate live_template(const std::string& name, const std::string& model, std::vector<LineKey> keys) {
  LineKeyTemplate t;
  t.id = "T-" + name;
  t.template_name = name;
  t.device_model = model;
  t.line_keys = std::move(keys);
  t.details_loaded = true;
  return t;
}

}  // namespace

TEST_CASE("templates: created when missing, untouched when equal, updated when keys differ") {
  DesiredState desired;
  desired.templates = {desired_template("Cisco 9861", {key(1, "PRIMARY_LINE"), key(2, "SPEED_DIAL", "Help", "5000")})};
  LiveState live = small_org();
  Plan plan;
  plan_templates(desired, live, plan);
  REQUIRE(plan.steps.size() == 1);
  CHECK(plan.steps[0].action == Action::Create);
  CHECK(std::get<CreateTemplate>(plan.steps[0].operation).body.device_model == "DMS Cisco 9861");

  live.templates = {live_template("reception", "DMS Cisco 9861", {key(2, "SPEED_DIAL", "Help", "5000"), key(1, "PRIMARY_LINE")})};
  plan = Plan{};
  plan_templates(desired, live, plan);
  CHECK(plan.steps.empty());  // key order does not matter; the display name matches the model

  live.templates[0].line_keys[0].value = "5001";
  plan = Plan{};
  plan_templates(desired, live, plan);
  REQUIRE(plan.steps.size() == 1);
  CHECK(plan.steps[0].action == Action::Update);
  CHECK(std::get<UpdateTemplate>(plan.steps[0].operation).template_id == "T-reception");
}

TEST_CASE("templates: a changed model is a replace; unmanaged templates are deleted only when pruned") {
  DesiredState desired;
  desired.templates = {desired_template("DMS Cisco 9861", {key(1, "PRIMARY_LINE")})};
  LiveState live = small_org();
  live.templates = {live_template("reception", "DMS Cisco 9851", {key(1, "PRIMARY_LINE")}),
                    live_template("old-lobby", "DMS Cisco 8875", {key(1, "PRIMARY_LINE")})};
  Plan plan;
  plan_templates(desired, live, plan);
  REQUIRE(plan.steps.size() == 1);
  CHECK(plan.steps[0].action == Action::Replace);
  CHECK(std::get<CreateTemplate>(plan.steps[0].operation).replaces_template_id == "T-reception");

  desired.project.prune_templates = true;
  plan = Plan{};
  plan_templates(desired, live, plan);
  REQUIRE(plan.steps.size() == 2);
  CHECK(plan.steps[1].action == Action::Delete);
  CHECK(std::get<DeleteTemplate>(plan.steps[1].operation).template_id == "T-old-lobby");
}
