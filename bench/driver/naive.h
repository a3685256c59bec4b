#pragma once
// The naive baseline: the reads of a simple script, one request at a time over one keep-alive
// connection, with no org-wide lists (a lookup per owner and per MAC, then one GET per aspect).
#include "bench_org.h"
#include "harness.h"
#include "measure.h"

namespace wx::bench {

// Measured against the emulator at its current latency; requests and wall time are what count.
Measured run_naive_baseline(const BenchOrg& org, const e2e::Emulator& emulator);

}  // namespace wx::bench
