// --log-format json: every log line on stderr is one JSON object a CI log collector can read.
#include <doctest/doctest.h>

#include <sstream>

#include "e2e_support.h"

using namespace e2e;

TEST_CASE("--log-format json writes one JSON object per log line, without the token") {
  Emulator emulator(source_path(kAcmeSeed));
  Result plan = run_wxphones(
      {"--log-format", "json", "--log-level", "debug", "plan", source_path(kAcmeManifests)}, emulator.env());
  REQUIRE_MESSAGE(plan.exit_code == 0, (plan.out + plan.err));
  std::istringstream lines(plan.err);
  std::string line;
  int logged = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("{\"time\":", 0) != 0) continue;  // diagnostics are printed for people, not logged
    const auto entry = nlohmann::json::parse(line, nullptr, false);
    REQUIRE_MESSAGE(!entry.is_discarded(), line);
    CHECK(entry.contains("level"));
    CHECK(entry["message"].is_string());
    ++logged;
  }
  CHECK(logged > 0);
  CHECK_FALSE(contains(plan.err, kDemoToken));
  CHECK(
      run_wxphones({"--log-format", "yaml", "plan", source_path(kAcmeManifests)}, emulator.env()).exit_code ==
      1);
}
