// Layouts and line key templates end to end: one job for many phones, drift repaired, job failures
// reported, a second device job queued, PhoneOS layouts after the online wait.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include <httplib.h>

#include "e2e_support.h"

using namespace e2e;

namespace {

std::string mac_of(int i) {
  char mac[13];
  std::snprintf(mac, sizeof mac, "0A0B0C%06d", i);
  return mac;
}

// An organisation with `phones` 8851s in location Sales, one per person, all online.
std::string sales_seed(int phones) {
  std::string seed =
      "org: {name: Acme}\naccessTokens: [wxphones-demo-token]\n"
      "lifecycle: {macOnlineAfter: 30s, activationCodeUsedAfter: null, onlineAfterActivation: 5s}\n"
      "jobs: {durationPerDevice: 0.2s, minDuration: 3s}\n"
      "locations: [{name: HQ}, {name: Sales}]\n"
      "workspaces: [{displayName: HQ Lobby, location: HQ}]\npeople:\n";
  seed += "  - {email: lobby-admin@acme.example, firstName: Lobby, lastName: Admin, location: HQ}\n";
  for (int i = 1; i <= phones; ++i) {
    seed += "  - {email: user" + std::to_string(i) + "@acme.example, firstName: User, lastName: U" +
            std::to_string(i) + ", location: Sales}\n";
  }
  seed += "devices:\n";
  for (int i = 1; i <= phones; ++i) {
    seed += "  - {mac: \"" + mac_of(i) + "\", model: DMS Cisco 8851, person: user" + std::to_string(i) +
            "@acme.example, connectionStatus: connected}\n";
  }
  const std::string path = temp_dir() + "/seed.yaml";
  std::ofstream(path) << seed;
  return path;
}

const char* kTemplate =
    "apiVersion: wxphones/v1\nkind: LineKeyTemplate\nmetadata: {name: sales-8851}\nspec:\n"
    "  deviceModel: DMS Cisco 8851\n  userReorderEnabled: false\n  lineKeys:\n"
    "    - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n"
    "    - {lineKeyIndex: 2, lineKeyType: SPEED_DIAL, lineKeyLabel: Helpdesk, lineKeyValue: \"5000\"}\n";

// `phones` Phone manifests for the Sales phones, each with the same `layout:` value.
void write_sales_phones(const std::string& dir, int phones, const std::string& layout) {
  std::ofstream out(dir + "/phones.yaml");
  for (int i = 1; i <= phones; ++i) {
    out << "---\napiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: sales-" << i << "}\nspec:\n"
        << "  model: DMS Cisco 8851\n  mac: " << mac_of(i) << "\n  owner: {person: user" << i
        << "@acme.example}\n"
        << "  layout: " << layout << "\n";
  }
}

// Manifests for the template and, when `with_layouts`, `phones` phones using it.
std::string sales_manifests(int phones, bool with_layouts) {
  const std::string dir = temp_dir();
  std::ofstream(dir + "/template.yaml") << kTemplate;
  if (with_layouts) write_sales_phones(dir, phones, "{template: sales-8851}");
  return dir;
}

int stat(const nlohmann::json& stats, const std::string& group, const std::string& op) {
  return stats[group].value(op, 0);
}

const std::string kJobs = "POST /telephony/config/jobs/devices/applyLineKeyTemplate";
const std::string kLayoutPut = "PUT /telephony/config/devices/{deviceId}/layout";

// Creates the template, then returns the manifests with the 50 phones using it.
std::string template_in_place(const Emulator& emulator, int phones) {
  Result created = run_wxphones({"apply", sales_manifests(phones, false), "--auto-approve"}, emulator.env());
  REQUIRE_MESSAGE(created.exit_code == 0, (created.out + created.err));
  return sales_manifests(phones, true);
}

}  // namespace

TEST_CASE("a template applied to 50 phones through one job, with no per-phone layout writes") {
  Emulator emulator(sales_seed(50));
  const auto env = emulator.env();
  const std::string dir = template_in_place(emulator, 50);

  Result plan = run_wxphones({"plan", dir, "--detailed-exitcode"}, env);
  REQUIRE_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  CHECK(contains(plan.out, "applies to 50 phones with one job"));
  CHECK(contains(plan.out, "Plan: 0 to add, 50 to change, 0 to destroy."));
  CHECK(contains(plan.out, "SPEED_DIAL"));  // the key grid

  emulator.post("/_emulator/stats/reset");
  Result apply = run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, env);
  REQUIRE_MESSAGE(apply.exit_code == 0, (apply.out + apply.err));
  const auto stats = emulator.get("/_emulator/stats");
  CHECK(stat(stats, "writes", kJobs) == 1);
  CHECK(stat(stats, "writes", kLayoutPut) == 0);
  CHECK(run_wxphones({"plan", dir, "--detailed-exitcode"}, env).exit_code == 0);
}

TEST_CASE("one phone's layout changed in Control Hub shows as drift and is repaired") {
  Emulator emulator(sales_seed(6));
  const auto env = emulator.env();
  const std::string dir = template_in_place(emulator, 6);
  REQUIRE(run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, env).exit_code == 0);

  emulator.put("/_emulator/devices/" + mac_of(3) + "/layout",
               {{"layoutMode", "CUSTOM"},
                {"lineKeys",
                 {{{"lineKeyIndex", 1}, {"lineKeyType", "PRIMARY_LINE"}},
                  {{"lineKeyIndex", 2},
                   {"lineKeyType", "SPEED_DIAL"},
                   {"lineKeyLabel", "Pizza"},
                   {"lineKeyValue", "5550100"}}}}});
  Result drift = run_wxphones({"plan", dir, "--detailed-exitcode"}, env);
  REQUIRE_MESSAGE(drift.exit_code == 2, (drift.out + drift.err));
  CHECK(contains(drift.out, "Plan: 0 to add, 1 to change, 0 to destroy."));
  CHECK(contains(drift.out, "(was SPEED_DIAL Pizza 5550100)"));
  Result repair = run_wxphones({"apply", dir, "--auto-approve"}, env);
  CHECK_MESSAGE(repair.exit_code == 0, (repair.out + repair.err));
  CHECK(run_wxphones({"plan", dir, "--detailed-exitcode"}, env).exit_code == 0);
}

TEST_CASE("a job with failing phones makes apply exit 1 and lists each failure with its tracking id") {
  Emulator emulator(sales_seed(6));
  const std::string dir = template_in_place(emulator, 6);
  for (int i : {2, 5}) {
    emulator.post("/_emulator/devices/" + mac_of(i) + "/jobFailure",
                  {{"status", 500}, {"description", "phone unreachable"}});
  }
  Result apply = run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, emulator.env());
  CHECK(apply.exit_code == 1);
  CHECK(contains(apply.out, "2 phones failed"));
  CHECK(contains(apply.out, "phone unreachable"));
  int tracking = 0;
  for (std::size_t at = apply.out.find("trackingId"); at != std::string::npos;
       at = apply.out.find("trackingId", at + 1)) {
    ++tracking;
  }
  CHECK(tracking >= 3);  // each failed phone, and the job
}

TEST_CASE("a second device job started while one runs is queued, not failed") {
  // Real time here (scale 1), so the other job is still running when apply starts its own.
  Emulator emulator(sales_seed(6), 1.0);
  const auto env = emulator.env();
  const std::string dir = template_in_place(emulator, 6);
  // Someone else's job is running in the organisation.
  httplib::Client client("127.0.0.1", emulator.port());
  const auto templates = nlohmann::json::parse(client
                                                   .Get("/v1/telephony/config/devices/lineKeyTemplates",
                                                        {{"Authorization", "Bearer wxphones-demo-token"}})
                                                   ->body);
  const std::string template_id = templates["lineKeyTemplates"][0]["id"];
  auto started =
      client.Post("/v1/telephony/config/jobs/devices/applyLineKeyTemplate",
                  {{"Authorization", "Bearer wxphones-demo-token"}},
                  nlohmann::json{{"action", "APPLY_DEFAULT_TEMPLATES"}, {"templateId", template_id}}.dump(),
                  "application/json");
  REQUIRE(started);
  REQUIRE(started->status == 202);
  Result apply = run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, env);
  CHECK_MESSAGE(apply.exit_code == 0, (apply.out + apply.err));
  CHECK(contains(apply.out, "queued"));
  CHECK(run_wxphones({"plan", dir, "--detailed-exitcode"}, env).exit_code == 0);
}

TEST_CASE("the layout of an activation-code PhoneOS phone waits until it is online") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml")
      << "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: reception}\nspec:\n"
         "  model: DMS Cisco 9861\n  onboarding: activationCode\n  owner: {person: reception@acme.example}\n"
         "  layout:\n    layoutMode: CUSTOM\n    lineKeys:\n"
         "      - {lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}\n"
         "      - {lineKeyIndex: 2, lineKeyType: SPEED_DIAL, lineKeyLabel: Lobby, lineKeyValue: \"2000\"}\n";
  Background apply({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, env);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(stat(emulator.get("/_emulator/stats"), "writes", kLayoutPut) == 0);  // not before it is online
  REQUIRE(use_activation_codes(emulator) == 1);
  Result done = apply.wait();
  CHECK_MESSAGE(done.exit_code == 0, (done.out + done.err));
  CHECK(stat(emulator.get("/_emulator/stats"), "writes", kLayoutPut) == 1);
  CHECK(run_wxphones({"plan", dir, "--detailed-exitcode"}, env).exit_code == 0);
}

TEST_CASE("phones returned to factory layouts through one APPLY_DEFAULT_TEMPLATES job") {
  Emulator emulator(sales_seed(6));
  const auto env = emulator.env();
  const std::string dir = template_in_place(emulator, 6);
  REQUIRE(run_wxphones({"apply", dir, "--auto-approve", "--poll-interval-ms", "100"}, env).exit_code == 0);

  // The same phones, now declared with their factory layouts.
  const std::string factory = temp_dir();
  write_sales_phones(factory, 6, "{layoutMode: DEFAULT}");
  Result plan = run_wxphones({"plan", factory, "--detailed-exitcode"}, env);
  REQUIRE_MESSAGE(plan.exit_code == 2, (plan.out + plan.err));
  CHECK(contains(plan.out, "applies to 6 phones with one job"));
  emulator.post("/_emulator/stats/reset");
  Result apply = run_wxphones({"apply", factory, "--auto-approve", "--poll-interval-ms", "100"}, env);
  REQUIRE_MESSAGE(apply.exit_code == 0, (apply.out + apply.err));
  const auto stats = emulator.get("/_emulator/stats");
  CHECK(stat(stats, "writes", kJobs) == 1);
  CHECK(stat(stats, "writes", kLayoutPut) == 0);
  CHECK(run_wxphones({"plan", factory, "--detailed-exitcode"}, env).exit_code == 0);
}
