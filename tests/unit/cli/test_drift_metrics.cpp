#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/metrics.h"

using namespace wx;
using namespace wx::cli;

TEST_CASE("metrics text of a successful drift check: every gauge with HELP and TYPE") {
  DriftMetrics m;
  m.success = true;
  m.drifted_by_kind = {{"LineKeyTemplate", 1}, {"Phone", 3}};
  m.phones_not_online = 2;
  m.drift_detected = true;
  m.duration_seconds = 1.5;
  m.last_success_timestamp = 1764150000;
  const std::string text = render_metrics(m);
  CHECK(text ==
        "# HELP wxphones_drift_objects Objects whose live state differs from the manifests, by kind.\n"
        "# TYPE wxphones_drift_objects gauge\n"
        "wxphones_drift_objects{kind=\"LineKeyTemplate\"} 1\n"
        "wxphones_drift_objects{kind=\"Phone\"} 3\n"
        "# HELP wxphones_phones_not_online Phones in the managed scope that are not online.\n"
        "# TYPE wxphones_phones_not_online gauge\n"
        "wxphones_phones_not_online 2\n"
        "# HELP wxphones_drift_detected 1 when the last drift check found drift.\n"
        "# TYPE wxphones_drift_detected gauge\n"
        "wxphones_drift_detected 1\n"
        "# HELP wxphones_drift_success 1 when the last drift check completed, 0 when it failed.\n"
        "# TYPE wxphones_drift_success gauge\n"
        "wxphones_drift_success 1\n"
        "# HELP wxphones_drift_duration_seconds Duration of the last drift check.\n"
        "# TYPE wxphones_drift_duration_seconds gauge\n"
        "wxphones_drift_duration_seconds 1.5\n"
        "# HELP wxphones_drift_last_success_timestamp_seconds Unix time of the last drift check that "
        "completed.\n"
        "# TYPE wxphones_drift_last_success_timestamp_seconds gauge\n"
        "wxphones_drift_last_success_timestamp_seconds 1764150000\n");
  CHECK(read_last_success(text) == doctest::Approx(1764150000.0));
}

TEST_CASE("a failed check reports no verdict and keeps the previous last success") {
  DriftMetrics failed;
  failed.duration_seconds = 0.25;
  failed.last_success_timestamp =
      read_last_success("# TYPE x gauge\nwxphones_drift_last_success_timestamp_seconds 1700000000.5\n");
  const std::string text = render_metrics(failed);
  CHECK(text.find("wxphones_drift_detected") == std::string::npos);
  CHECK(text.find("wxphones_drift_objects") == std::string::npos);
  CHECK(text.find("wxphones_drift_success 0\n") != std::string::npos);
  CHECK(text.find("wxphones_drift_last_success_timestamp_seconds 1700000000.5\n") != std::string::npos);

  DriftMetrics never;
  CHECK(render_metrics(never).find("last_success") == std::string::npos);
  CHECK_FALSE(read_last_success("wxphones_drift_last_success_timestamp_seconds_total 5\n").has_value());
  CHECK_FALSE(read_last_success("").has_value());
}

TEST_CASE("kind labels are escaped") {
  DriftMetrics m;
  m.success = true;
  m.drifted_by_kind = {{"a\"b\\c", 1}};
  CHECK(render_metrics(m).find("wxphones_drift_objects{kind=\"a\\\"b\\\\c\"} 1\n") != std::string::npos);
}

TEST_CASE("drifted objects count objects per kind, not steps; waits are not drift") {
  Plan plan;
  Step tags;
  tags.kind = "Phone";
  tags.target = "hq-1";
  tags.action = Action::Update;
  Step layout = tags;
  Step other = tags;
  other.target = "hq-2";
  other.action = Action::Create;
  Step wait;
  wait.kind = "Phone";
  wait.target = "1 phone";
  wait.action = Action::Wait;
  Step tmpl;
  tmpl.kind = "LineKeyTemplate";
  tmpl.target = "reception";
  tmpl.action = Action::Update;
  plan.steps = {tags, layout, other, wait, tmpl};
  const auto by_kind = drifted_objects_by_kind(plan);
  CHECK(by_kind.size() == 2);
  CHECK(by_kind.at("Phone") == 2);
  CHECK(by_kind.at("LineKeyTemplate") == 1);
  CHECK(drifted_objects_by_kind(Plan{}).empty());
}

TEST_CASE("the metrics file is replaced whole, through FILE.tmp") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("wxphones-metrics-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "wxphones.prom";
  std::ofstream(file) << "old\n";
  write_metrics_file(file, "new 1\n");
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "new 1\n");
  CHECK_FALSE(std::filesystem::exists(dir / "wxphones.prom.tmp"));
  CHECK_THROWS(write_metrics_file(dir / "missing-dir" / "x.prom", "x\n"));
  std::filesystem::remove_all(dir);
}
