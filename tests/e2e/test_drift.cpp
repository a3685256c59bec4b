// wxphones drift: exit codes, the JSON report, metrics for node-exporter, and the Webex message
// that is posted only when there is drift.
#include <doctest/doctest.h>

#include <fstream>

#include "e2e_support.h"

using namespace e2e;

namespace {

// Alice and Bob with one declared phone each; Bob also has an undeclared 8865 that is offline.
std::string drift_seed() {
  const std::string path = temp_dir() + "/seed.yaml";
  std::ofstream(path) << R"(org: {name: Acme}
accessTokens: [wxphones-demo-token]
locations: [{name: HQ}]
people:
  - {email: alice@acme.example, firstName: Alice, lastName: Adams, location: HQ, extension: "1001"}
  - {email: bob@acme.example, firstName: Bob, lastName: Brown, location: HQ, extension: "1002"}
devices:
  - {mac: "0A0000000001", model: DMS Cisco 8851, person: alice@acme.example, connectionStatus: connected, tags: [desk]}
  - {mac: "0A0000000002", model: DMS Cisco 8851, person: bob@acme.example, connectionStatus: connected, tags: [desk]}
  - {mac: "0A0000000003", model: DMS Cisco 8865, person: bob@acme.example, connectionStatus: disconnected}
)";
  return path;
}

std::string phone(const std::string& name, const std::string& mac, const std::string& email) {
  return "---\napiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: " + name +
         "}\nspec:\n  model: DMS Cisco 8851\n  mac: \"" + mac + "\"\n  owner: {person: " + email +
         "}\n  tags: [desk]\n";
}

std::string manifests() {
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml") << phone("alice-desk", "0A0000000001", "alice@acme.example")
                                      << phone("bob-desk", "0A0000000002", "bob@acme.example");
  return dir;
}

const std::string kRoom = "Y2lzY29zcGFyazovL3VzL1JPT00vZHJpZnQtdGVzdA";

}  // namespace

TEST_CASE("drift: 0 when clean, 2 after a Control Hub change, with JSON, metrics and one message") {
  Emulator emulator(drift_seed());
  const std::string dir = manifests();
  const std::string metrics = temp_dir() + "/wxphones.prom";

  Result clean = run_wxphones({"drift", dir, "--notify-room", kRoom, "--metrics", metrics}, emulator.env());
  REQUIRE_MESSAGE(clean.exit_code == 0, (clean.out + clean.err));
  CHECK(contains(clean.out, "No drift."));
  CHECK(contains(clean.out, "0A0000000003"));  // Bob's undeclared phone is listed, not drift
  CHECK(emulator.get("/_emulator/messages")["items"].empty());
  CHECK(emulator.total_writes() == 0);
  const std::string clean_metrics = read_file(metrics);
  CHECK(contains(clean_metrics, "wxphones_drift_detected 0\n"));
  CHECK(contains(clean_metrics, "wxphones_phones_not_online 1\n"));
  CHECK(contains(clean_metrics, "# TYPE wxphones_drift_last_success_timestamp_seconds gauge\n"));

  emulator.patch("/_emulator/devices/0A0000000001", {{"tags", {"desk", "hacked"}}});
  const std::string report = temp_dir() + "/report.json";
  Result drift = run_wxphones(
      {"drift", dir, "--format", "json", "--notify-room", kRoom, "--metrics", metrics, "--report", report},
      emulator.env());
  REQUIRE_MESSAGE(drift.exit_code == 2, (drift.out + drift.err));
  const auto json = nlohmann::json::parse(drift.out);
  CHECK(json["formatVersion"] == "1.0");
  CHECK(json["drift"] == true);
  CHECK(json["summary"]["change"] == 1);
  REQUIRE(json["unmanagedPhones"].size() == 1);
  CHECK(json["unmanagedPhones"][0]["mac"] == "0A0000000003");
  CHECK(json["unmanagedPhones"][0]["owner"] == "bob@acme.example");
  CHECK(json["unmanagedPhones"][0]["online"] == false);
  CHECK(nlohmann::json::parse(read_file(report)) == json);

  const auto messages = emulator.get("/_emulator/messages")["items"];
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["roomId"] == kRoom);
  const std::string markdown = messages[0]["markdown"];
  CHECK(contains(markdown, "drift detected"));
  CHECK(contains(markdown, "alice-desk"));
  CHECK(contains(markdown, "Unmanaged phones (1)"));
  CHECK(emulator.total_writes() == 1);  // the message, nothing else

  const std::string drift_metrics = read_file(metrics);
  CHECK(contains(drift_metrics, "wxphones_drift_objects{kind=\"Phone\"} 1\n"));
  CHECK(contains(drift_metrics, "wxphones_drift_detected 1\n"));
  CHECK(contains(drift_metrics, "wxphones_drift_success 1\n"));
  const auto last_success = [](const std::string& text) {
    const std::string name = "wxphones_drift_last_success_timestamp_seconds ";
    const auto at = text.find("\n" + name);
    return at == std::string::npos
               ? std::string()
               : text.substr(at + 1 + name.size(), text.find('\n', at + 1) - at - 1 - name.size());
  };
  const std::string success_time = last_success(drift_metrics);
  CHECK_FALSE(success_time.empty());

  Result markdown_run = run_wxphones({"drift", dir, "--format", "markdown"}, emulator.env());
  CHECK(markdown_run.exit_code == 2);
  CHECK(contains(markdown_run.out, "### Unmanaged phones (1)"));

  // A Webex failure is exit 1; the metrics keep the last success time.
  auto bad_token = emulator.env();
  bad_token["WEBEX_ACCESS_TOKEN"] = "not-a-valid-token";
  Result failed = run_wxphones({"drift", dir, "--metrics", metrics, "--notify-room", kRoom}, bad_token);
  CHECK_MESSAGE(failed.exit_code == 1, (failed.out + failed.err));
  const std::string failed_metrics = read_file(metrics);
  CHECK(contains(failed_metrics, "wxphones_drift_success 0\n"));
  CHECK_FALSE(contains(failed_metrics, "wxphones_drift_detected"));
  CHECK(last_success(failed_metrics) == success_time);
  CHECK(emulator.get("/_emulator/messages")["items"].size() == 1);
}

TEST_CASE("drift exits 1 on a bad manifest and touches nothing") {
  Emulator emulator(drift_seed());
  const std::string dir = temp_dir();
  std::ofstream(dir + "/phones.yaml") << "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: x}\nspec:\n"
                                         "  mac: \"0A0000000001\"\n  owner: {person: alice@acme.example}\n";
  Result bad = run_wxphones({"drift", dir, "--notify-room", kRoom}, emulator.env());
  CHECK(bad.exit_code == 1);
  CHECK(emulator.total_writes() == 0);
  CHECK(emulator.get("/_emulator/messages")["items"].empty());
}
