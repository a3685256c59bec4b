#pragma once
// The fewest requests a no-op plan can make for a bench org (issue 6, "request efficiency").
#include <string>
#include <vector>

#include "bench_org.h"

namespace wx::bench {

struct MinimumPart {
  std::string what;  // the operation, as the emulator's stats name it where one applies
  int requests = 0;
};

struct Minimum {
  std::vector<MinimumPart> parts;
  int total() const;
};

// Org-wide lists at their page sizes, one read per declared template and per declared aspect of
// each phone and scope. See the definition for the reasoning of each term.
Minimum minimum_noop_requests(const BenchOrg& org);

}  // namespace wx::bench
