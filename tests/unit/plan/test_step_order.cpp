#include <doctest/doctest.h>

#include <stdexcept>

#include "wxphones/plan/step_order.h"

using namespace wx;

namespace {
Step step(std::string id, Operation op, std::string location = "", std::vector<std::string> deps = {}) {
  Step s;
  s.id = std::move(id);
  s.target = s.id;
  s.location = std::move(location);
  s.operation = std::move(op);
  s.depends_on = std::move(deps);
  return s;
}
}  // namespace

TEST_CASE("steps run create -> wait -> configure -> delete, by location and target within a phase") {
  std::vector<Step> steps{step("del", DeletePhone{}), step("tags", SetPhoneTags{}, "HQ", {"b"}),
                          step("wait", WaitPhonesOnline{}), step("b", CreatePhoneByMac{}, "HQ"),
                          step("a", CreatePhoneByMac{}, "Branch")};
  order_steps(steps);
  std::vector<std::string> ids;
  for (const auto& s : steps) ids.push_back(s.id);
  CHECK(ids == std::vector<std::string>{"a", "b", "wait", "tags", "del"});
}

TEST_CASE("a dependency on a later step is a planner bug, caught") {
  std::vector<Step> steps{step("a", CreatePhoneByMac{}, "", {"del"}), step("del", DeletePhone{})};
  CHECK_THROWS_AS(order_steps(steps), std::logic_error);
}
