#include <doctest/doctest.h>

#include <fstream>

#include "support/builders.h"
#include "wxphones/plan/live_digest.h"
#include "wxphones/plan/plan_file.h"
#include "wxphones/plan/planner.h"
#include "wxphones/schema/json_schema.h"

using namespace wx;
using namespace wx::test;

namespace {

Plan plan_for(const LiveState& live) {
  DesiredState desired;
  auto phone = mac_phone("bob", "001B54000002", "DMS Cisco 8851", "bob@acme.example");
  phone.tags = std::vector<std::string>{"x"};
  desired.phones = {phone};
  return make_plan(desired, live);
}

LiveState org() {
  LiveState live = small_org();
  live.devices.push_back(live_phone("D2", "001B54000002", "DMS Cisco 8851", "P-BOB", "L-BR", {"old"}));
  return live;
}

}  // namespace

TEST_CASE("a saved plan matches schemas/plan.schema.json and reads back") {
  const LiveState live = org();
  const nlohmann::json saved = saved_plan_json(plan_for(live), live, "manifests", "0123456789abcdef");
  std::ifstream in(std::string(WX_SOURCE_DIR) + "/schemas/plan.schema.json");
  const schema::SchemaDocument schema(nlohmann::json::parse(in));
  const auto errors = schema.validate(saved);
  for (const auto& e : errors) MESSAGE((e.instance_path + ": " + e.message));
  CHECK(errors.empty());
  const SavedPlan read = read_saved_plan(saved);
  CHECK(read.manifests_path == "manifests");
  CHECK(read.live_objects == live_digests(live));
  CHECK(same_steps(read.plan, saved));
}

TEST_CASE("a changed live object makes the saved plan stale, named by what changed") {
  const LiveState live = org();
  const auto before = live_digests(live);
  LiveState changed = live;
  changed.devices[0].tags = {"edited in Control Hub"};
  const auto stale = stale_objects(before, live_digests(changed));
  REQUIRE(stale.size() == 1);
  CHECK(stale[0] == "phone 001B54000002 (changed)");
  CHECK(stale_objects(before, live_digests(live)).empty());
}

TEST_CASE("another major format version is refused; a non-plan is refused") {
  const LiveState live = org();
  nlohmann::json saved = saved_plan_json(plan_for(live), live, "m", "0123456789abcdef");
  saved["formatVersion"] = "2.0";
  CHECK_THROWS_WITH(read_saved_plan(saved), doctest::Contains("format version 2.0"));
  CHECK_THROWS_WITH(read_saved_plan(nlohmann::json::object()),
                    doctest::Contains("not a saved wxphones plan"));
}
