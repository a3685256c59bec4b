#pragma once
#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "wxphones/conformance/checker.h"

namespace wx::conformance {

// Accumulates check outcomes over a traffic run and prints the summary conformance_check shows:
// coverage (operations seen, with counts), calibrations used, findings grouped by operation.
class Report {
 public:
  void add(const Exchange& exchange, const CheckOutcome& outcome);

  std::size_t exchanges() const { return m_exchanges; }
  std::size_t finding_count() const { return m_finding_count; }
  const std::map<std::string, std::size_t>& coverage() const { return m_coverage; }

  // `documented` is the number of operations in the descriptions, for "N of M operations covered".
  void print(std::ostream& out, std::size_t documented, std::size_t max_examples = 20) const;

 private:
  struct Example {
    std::string source;
    Finding finding;
  };
  std::size_t m_exchanges = 0;
  std::size_t m_finding_count = 0;
  std::map<std::string, std::size_t> m_coverage;        // operation -> exchanges
  std::map<std::string, std::size_t> m_rules;           // calibration rule -> exchanges it excused
  std::map<std::string, std::vector<Example>> m_found;  // operation -> findings (capped)
  std::map<std::string, std::size_t> m_found_counts;
};

}  // namespace wx::conformance
