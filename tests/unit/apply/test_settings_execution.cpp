#include <doctest/doctest.h>

#include "wxphones/plan/normalize.h"

#include "support/builders.h"
#include "support/fake_webex_api.h"
#include "wxphones/apply/executor.h"
#include "wxphones/plan/planner.h"

using namespace wx;
using namespace wx::test;
using nlohmann::json;

namespace {

struct QuietObserver final : ApplyObserver {
  int queued = 0;
  int progress = 0;
  void step_finished(const Step&, const StepOutcome&) override {}
  void activation_code(const IssuedActivationCode&) override {}
  void waiting(int, int, std::chrono::seconds, std::chrono::seconds, const std::string&) override {}
  void job_progress(const Step&, const DeviceJob&, bool q) override {
    queued += q;
    ++progress;
  }
};

Step step_with(Operation op, std::string id) {
  Step s;
  s.id = std::move(id);
  s.target = "p";
  s.operation = std::move(op);
  return s;
}

}  // namespace

TEST_CASE("device customizations are read right before the write and the declared keys laid over them") {
  FakeWebexApi api;
  api.device_customizations["D1"] = {
      true, {{"mpp", {{"backlightTimer", "ONE_MIN"}, {"pnacEnabled", true}}}}, false};
  Plan plan;
  PhoneRef phone{"p", "D1", "001B54000001", "DMS Cisco 8851"};
  plan.steps.push_back(
      step_with(SetPhoneCustomizations{phone, {true, {{"mpp", {{"backlightTimer", "TEN_MIN"}}}}, false}},
                "phone.p.settings"));
  LiveDevice device;
  device.id = "D1";
  device.tags = {"managed-by-wxphones", kApplyPendingTag};
  api.devices.push_back(device);
  plan.steps.push_back(step_with(ApplyPhoneChanges{phone, {"managed-by-wxphones"}}, "phone.p.apply-changes"));
  plan.steps.back().depends_on = {"phone.p.settings"};
  QuietObserver observer;
  FakeClock clock;
  const auto report = execute_plan(plan, api, {}, observer, clock);
  CHECK(report.exit_code() == 0);
  CHECK(api.devices[0].tags == std::vector<std::string>{"managed-by-wxphones"});  // the marker is off
  CHECK(api.device_customizations["D1"].customizations ==
        json{{"mpp", {{"backlightTimer", "TEN_MIN"}, {"pnacEnabled", true}}}});
  CHECK(api.count("GET settings D1") == 1);
  CHECK(api.count("POST applyChanges D1") == 1);
}

TEST_CASE("a settings job waits behind another device job (409), then completes") {
  FakeWebexApi api;
  api.job_polls_to_finish = 2;
  api.job_conflicts = 1;
  Plan plan;
  DeviceSettingsJobRequest request;
  request.location_id = "L-HQ";
  request.location_customizations_enabled = true;
  request.customizations = {{"mpp", {{"backlightTimer", "TEN_MIN"}}}};
  plan.steps.push_back(step_with(DeviceSettingsJob{"HQ", request, {}}, "settings.hq.customizations"));
  plan.steps.push_back(step_with(RebuildPhonesJob{"HQ", "L-HQ"}, "location.HQ.rebuild-phones"));
  plan.steps.back().depends_on = {"settings.hq.customizations"};
  QuietObserver observer;
  FakeClock clock;
  const auto report = execute_plan(plan, api, {}, observer, clock);
  CHECK(report.exit_code() == 0);
  REQUIRE(api.settings_jobs.size() == 1);
  CHECK(api.settings_jobs[0].customizations == request.customizations);
  CHECK(api.rebuild_jobs == std::vector<std::string>{"L-HQ"});
  CHECK(observer.queued == 1);
  CHECK(api.count("POST callDeviceSettings") == 2);  // refused once with 409, then started
}

TEST_CASE("a dynamic settings job that finishes with errors fails the step with each tracking id") {
  FakeWebexApi api;
  api.job_polls_to_finish = 1;
  api.job_errors = {{1, "device D9", "TRACK-D9", "ERROR", "500", {"Unable to update the device."}}};
  Plan plan;
  DynamicSettingsJobRequest request;
  request.tags = {{"Cisco 9800", "%ENABLE_BLUETOOTH%", "0"}};
  plan.steps.push_back(
      step_with(DynamicSettingsJob{"organization", request, {}}, "settings.org.dynamic-settings"));
  QuietObserver observer;
  FakeClock clock;
  const auto report = execute_plan(plan, api, {}, observer, clock);
  CHECK(report.exit_code() == 1);
  CHECK(report.outcomes[0].message.find("TRACK-D9") != std::string::npos);
  CHECK(api.dynamic_jobs.size() == 1);
}

TEST_CASE("owner hoteling and compression go to the person or workspace endpoint") {
  FakeWebexApi api;
  Plan plan;
  plan.steps.push_back(
      step_with(SetOwnerHoteling{{OwnerTarget::Kind::Workspace, "W1", "Lobby"}, {true, false, 12}},
                "workspace.Lobby.hoteling"));
  plan.steps.push_back(step_with(SetOwnerCompression{{OwnerTarget::Kind::Person, "P1", "a@x"}, "ON"},
                                 "settings.a.compression"));
  QuietObserver observer;
  FakeClock clock;
  CHECK(execute_plan(plan, api, {}, observer, clock).exit_code() == 0);
  CHECK(api.count("PUT workspace hoteling W1") == 1);
  CHECK(api.owner_settings["P1"].compression == "ON");
}
