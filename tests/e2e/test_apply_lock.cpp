// One apply per checkout: a second apply while the first waits for a phone is refused, writes
// nothing, and runs once the first has finished.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "e2e_support.h"

using namespace e2e;

TEST_CASE("a second apply from the same checkout is refused while the first runs") {
  Emulator emulator(source_path(kAcmeSeed));
  const auto env = emulator.env();
  // The first apply waits for the lobby phone's activation code to be used: it holds the lock.
  Background first({"apply", kAcmeManifests, "--auto-approve", "--poll-interval-ms", "100"}, env);
  bool waiting = false;
  for (int i = 0; i < 400 && !waiting; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    waiting = contains(first.out_so_far(), "waiting for phones to come online");
  }
  REQUIRE(waiting);  // and writing nothing while it waits

  const int writes_before = emulator.total_writes();
  Result second = run_wxphones({"apply", kAcmeManifests, "--auto-approve"}, env);
  CHECK(second.exit_code == 1);
  CHECK_MESSAGE(contains(second.err, "another wxphones apply is running from this checkout"), second.err);
  CHECK(contains(second.err, "Nothing was changed"));
  CHECK(emulator.total_writes() == writes_before);
  // plan takes no lock: reviewing while an apply runs is fine
  CHECK(run_wxphones({"plan", kAcmeManifests}, env).exit_code == 0);

  use_activation_codes(emulator);
  REQUIRE(first.wait().exit_code == 0);
  Result third = run_wxphones({"apply", kAcmeManifests, "--auto-approve"}, env);
  CHECK_MESSAGE(third.exit_code == 0, (third.out + third.err));
}
