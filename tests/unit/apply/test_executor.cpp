#include <doctest/doctest.h>

#include "support/builders.h"
#include "support/fake_webex_api.h"
#include "wxphones/apply/executor.h"
#include "wxphones/plan/planner.h"

using namespace wx;
using namespace wx::test;

namespace {

struct RecordingObserver final : ApplyObserver {
  std::vector<std::string> lines;
  std::vector<IssuedActivationCode> codes;
  int waits = 0;
  void step_finished(const Step& step, const StepOutcome& o) override {
    lines.push_back(step.id + " " + std::string(status_name(o.status)));
  }
  void activation_code(const IssuedActivationCode& code) override { codes.push_back(code); }
  void waiting(int, int, std::chrono::seconds, std::chrono::seconds, const std::string&) override { ++waits; }
};

LiveState live_from(FakeWebexApi& api) {
  LiveState live = small_org();
  live.devices = api.devices;
  return live;
}

}  // namespace

TEST_CASE("apply creates, waits, tags; a second plan is empty") {
  FakeWebexApi api;
  api.polls_until_online = 3;
  DesiredState desired;
  auto phone = mac_phone("alice", "001B54AA0104", "DMS Cisco 9841", "alice@acme.example");
  phone.tags = std::vector<std::string>{"t"};
  desired.phones = {phone};
  const Plan plan = make_plan(desired, live_from(api));
  RecordingObserver observer;
  FakeClock clock;
  ApplyOptions options;
  const ApplyReport report = execute_plan(plan, api, options, observer, clock);
  CHECK(report.exit_code() == 0);
  CHECK(api.count("POST /devices 001B54AA0104") == 1);
  CHECK(api.count("PATCH /devices NEW1") == 1);
  CHECK(observer.waits == 3);
  CHECK(clock.slept == std::chrono::milliseconds(1000 + 2000));  // backoff doubles
  CHECK(make_plan(desired, live_from(api)).steps.empty());
}

TEST_CASE("a wait that times out leaves dependent steps pending and exits 3") {
  FakeWebexApi api;
  api.polls_until_online = 1000;
  DesiredState desired;
  auto phone = mac_phone("alice", "001B54AA0104", "DMS Cisco 9841", "alice@acme.example");
  phone.tags = std::vector<std::string>{"t"};
  desired.phones = {phone};
  const Plan plan = make_plan(desired, live_from(api));
  RecordingObserver observer;
  FakeClock clock;
  ApplyOptions options;
  options.online_deadline = std::chrono::seconds(60);
  const ApplyReport report = execute_plan(plan, api, options, observer, clock);
  CHECK(report.exit_code() == 3);
  CHECK(clock.slept <= std::chrono::milliseconds(61000));
  CHECK(api.count("PATCH") == 0);
  CHECK(report.outcomes.back().status == StepStatus::Pending);
}

TEST_CASE("a failed step reports its tracking id, skips its dependents and exits 1") {
  FakeWebexApi api;
  api.fail.emplace("POST /devices 001B54AA0003",
                   ApiError(400, "POST", "/devices", "MAC rejected", {}, "ROUTER_XYZ"));
  DesiredState desired;
  auto phone = mac_phone("bob", "001B54AA0003", "DMS Cisco 8851", "bob@acme.example");
  phone.tags = std::vector<std::string>{"t"};
  desired.phones = {phone};
  const Plan plan = make_plan(desired, live_from(api));
  RecordingObserver observer;
  FakeClock clock;
  const ApplyReport report = execute_plan(plan, api, ApplyOptions{}, observer, clock);
  CHECK(report.exit_code() == 1);
  CHECK(report.outcomes[0].status == StepStatus::Failed);
  CHECK(report.outcomes[0].tracking_id == "ROUTER_XYZ");
  CHECK(report.to_json()["steps"][0]["trackingId"] == "ROUTER_XYZ");
  bool skipped = false;
  for (const auto& o : report.outcomes) skipped |= o.status == StepStatus::Skipped;
  CHECK(skipped);
  CHECK(api.count("PATCH") == 0);
}

TEST_CASE("an activation code is reported and its device found for the wait") {
  FakeWebexApi api;
  DesiredState desired;
  desired.phones = {code_phone("lobby", "DMS Cisco 8875", "HQ Lobby")};
  const Plan plan = make_plan(desired, live_from(api));
  RecordingObserver observer;
  FakeClock clock;
  ApplyOptions options;
  options.online_deadline = std::chrono::seconds(5);
  const ApplyReport report = execute_plan(plan, api, options, observer, clock);
  REQUIRE(observer.codes.size() == 1);
  CHECK(observer.codes[0].code == "1234567890123456");
  CHECK(report.activation_codes.size() == 1);
  CHECK(report.to_json()["activationCodes"][0]["phone"] == "lobby");
  CHECK(report.exit_code() == 3);  // nobody entered the code
  // The next plan finds the activating phone and issues no second code.
  CHECK(make_plan(desired, live_from(api)).steps.empty());
}
