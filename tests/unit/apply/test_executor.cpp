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
  int queued = 0;
  void job_progress(const Step&, const DeviceJob&, bool q) override { queued += q; }
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

TEST_CASE("one failed create does not hold back the other new phones") {
  FakeWebexApi api;
  api.polls_until_online = 1;
  api.fail.emplace("POST /devices 001B54AA0003", ApiError(400, "POST", "/devices", "MAC rejected", {}, "X"));
  DesiredState desired;
  auto bad = mac_phone("bob", "001B54AA0003", "DMS Cisco 9841", "bob@acme.example");
  auto good = mac_phone("alice", "001B54AA0104", "DMS Cisco 9841", "alice@acme.example");
  bad.tags = good.tags = std::vector<std::string>{"t"};
  desired.phones = {bad, good};
  const Plan plan = make_plan(desired, live_from(api));
  RecordingObserver observer;
  FakeClock clock;
  const ApplyReport report = execute_plan(plan, api, ApplyOptions{}, observer, clock);
  CHECK(report.exit_code() == 1);
  CHECK(api.count("PATCH /devices NEW1") == 1);  // alice is created, waited for and tagged
  for (const auto& o : report.outcomes) {
    if (o.step_id == "wait.phones-online") CHECK(o.status == StepStatus::Done);
    if (o.step_id == "phone.bob.tags") CHECK(o.status == StepStatus::Skipped);
  }
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

namespace {

// Five phones of one model that all use one template, online, in one location.
struct TemplateFixture {
  FakeWebexApi api;
  DesiredState desired;
  LiveState live = small_org();
  TemplateFixture() {
    DesiredTemplate t;
    t.name = "reception";
    t.spec.template_name = "reception";
    t.spec.device_model = "DMS Cisco 8851";
    t.spec.line_keys = {key(1, "PRIMARY_LINE"), key(2, "SPEED_DIAL", "Help", "5000")};
    desired.templates = {t};
    LineKeyTemplate live_t = t.spec;
    live_t.id = "T-1";
    live_t.line_keys = {key(1, "PRIMARY_LINE")};
    live.templates = {live_t};
    api.templates = {live_t};
    for (int i = 0; i < 5; ++i) {
      const std::string mac = "001B54AA000" + std::to_string(i);
      auto phone = mac_phone("p" + std::to_string(i), mac, "DMS Cisco 8851", "alice@acme.example");
      phone.layout = PhoneLayout{std::string("reception"), std::nullopt, {}};
      desired.phones.push_back(phone);
      live.devices.push_back(live_phone("D" + std::to_string(i), mac, "DMS Cisco 8851", "P-ALICE", "L-HQ"));
    }
    api.devices = live.devices;
    api.preview_count = 5;
  }
};

}  // namespace

TEST_CASE("a template used by exactly the selected phones goes out as one job, queued behind a running job") {
  TemplateFixture f;
  const Plan plan = make_plan(f.desired, f.live);
  int jobs = 0, layout_writes = 0;
  for (const auto& s : plan.steps) {
    jobs += std::holds_alternative<ApplyTemplateJob>(s.operation);
    layout_writes += std::holds_alternative<SetPhoneLayout>(s.operation);
  }
  CHECK(jobs == 1);
  CHECK(layout_writes == 0);
  CHECK(plan.summary().change == 6);  // the template and its five phones, through one job
  f.api.job_conflicts = 2;
  RecordingObserver observer;
  FakeClock clock;
  const ApplyReport report = execute_plan(plan, f.api, ApplyOptions{}, observer, clock);
  CHECK(report.exit_code() == 0);
  CHECK(observer.queued == 2);  // a 409 is a queue, not a failure
  CHECK(f.api.count("POST job") == 3);
  CHECK(f.api.count("PUT layout") == 0);
}

TEST_CASE("a job with failing phones fails the step with each phone's tracking id") {
  TemplateFixture f;
  f.api.job_errors = {{1, "001B54AA0003", "TRACK_ITEM_1", "ERROR", "500", {"Unable to apply the template."}}};
  RecordingObserver observer;
  FakeClock clock;
  const ApplyReport report = execute_plan(make_plan(f.desired, f.live), f.api, ApplyOptions{}, observer, clock);
  CHECK(report.exit_code() == 1);
  bool found = false;
  for (const auto& o : report.outcomes) {
    if (o.status != StepStatus::Failed) continue;
    found = true;
    CHECK(o.message.find("TRACK_ITEM_1") != std::string::npos);
    CHECK(o.message.find("001B54AA0003") != std::string::npos);
    CHECK(o.tracking_id.rfind("TRACK_JOB", 0) == 0);
  }
  CHECK(found);
}

TEST_CASE("a preview that disagrees with the plan stops the job before it starts") {
  TemplateFixture f;
  const Plan plan = make_plan(f.desired, f.live);
  f.api.preview_count = 7;  // two phones appeared that the plan did not see
  RecordingObserver observer;
  FakeClock clock;
  const ApplyReport report = execute_plan(plan, f.api, ApplyOptions{}, observer, clock);
  CHECK(report.exit_code() == 1);
  CHECK(f.api.count("POST job") == 0);
}

TEST_CASE("an unmanaged phone the filters would reach means per-phone layout writes") {
  TemplateFixture f;
  f.live.devices.push_back(live_phone("D9", "001B54AA0099", "DMS Cisco 8851", "P-BOB", "L-HQ"));
  const Plan plan = make_plan(f.desired, f.live);
  int layout_writes = 0;
  for (const auto& s : plan.steps) {
    CHECK_FALSE(std::holds_alternative<ApplyTemplateJob>(s.operation));
    layout_writes += std::holds_alternative<SetPhoneLayout>(s.operation);
  }
  CHECK(layout_writes == 5);
}

TEST_CASE("phones returning to factory layouts go out as one APPLY_DEFAULT_TEMPLATES job, when exact") {
  TemplateFixture f;
  for (auto& phone : f.desired.phones) {
    Layout factory;  // DEFAULT
    phone.layout = PhoneLayout{std::nullopt, factory, {}};
  }
  Layout custom;
  custom.mode = LayoutMode::Custom;
  custom.line_keys = {key(1, "PRIMARY_LINE"), key(2, "MONITOR")};
  for (const auto& d : f.live.devices) f.live.layouts[d.id] = custom;
  Plan plan = make_plan(f.desired, f.live);
  const ApplyTemplateJob* job = nullptr;
  for (const auto& s : plan.steps) {
    if (const auto* j = std::get_if<ApplyTemplateJob>(&s.operation)) job = j;
    CHECK_FALSE(std::holds_alternative<SetPhoneLayout>(s.operation));
  }
  REQUIRE(job);
  CHECK(job->request.action == "APPLY_DEFAULT_TEMPLATES");
  CHECK(job->request.template_id.empty());
  CHECK(job->expected_count == 5);

  // A phone of another model in the same location would be reset too: not exact, so per phone.
  f.live.devices.push_back(live_phone("D7", "001B54AA0077", "DMS Cisco 7841", "P-BOB", "L-HQ"));
  plan = make_plan(f.desired, f.live);
  int writes = 0;
  for (const auto& s : plan.steps) {
    CHECK_FALSE(std::holds_alternative<ApplyTemplateJob>(s.operation));
    writes += std::holds_alternative<SetPhoneLayout>(s.operation);
  }
  CHECK(writes == 5);
}
