#include "wxphones/conformance/report.h"

#include <iomanip>

#include "wxphones/conformance/calibration.h"

namespace wx::conformance {
namespace {

constexpr std::size_t kKeptPerOperation = 200;  // memory bound for long runs; print shows fewer

}  // namespace

void Report::add(const Exchange& exchange, const CheckOutcome& outcome) {
  ++m_exchanges;
  if (!outcome.operation.empty()) {
    ++m_coverage[outcome.operation];
  }
  for (const auto& rule : outcome.rules_applied) {
    ++m_rules[rule];
  }
  for (const auto& finding : outcome.findings) {
    ++m_finding_count;
    ++m_found_counts[finding.operation];
    auto& kept = m_found[finding.operation];
    if (kept.size() < kKeptPerOperation) {
      kept.push_back({exchange.source, finding});
    }
  }
}

void Report::print(std::ostream& out, std::size_t documented, std::size_t max_examples) const {
  out << "Checked " << m_exchanges << " exchanges; " << m_coverage.size() << " of " << documented
      << " documented operations covered.\n\n";
  out << "Operations covered (exchanges):\n";
  for (const auto& [operation, count] : m_coverage) {
    out << "  " << std::setw(6) << count << "  " << operation << "\n";
  }
  if (!m_rules.empty()) {
    out << "\nCalibrations applied (exchanges):\n";
    for (const auto& [rule, count] : m_rules) {
      std::string section;
      for (const auto& info : calibration_rules()) {
        if (info.name == rule) {
          section = " (" + info.section + ")";
        }
      }
      out << "  " << std::setw(6) << count << "  " << rule << section << "\n";
    }
  }
  if (m_finding_count == 0) {
    out << "\nNo findings.\n";
    return;
  }
  out << "\nFindings: " << m_finding_count << " in " << m_found_counts.size() << " operations\n";
  for (const auto& [operation, kept] : m_found) {
    const std::size_t total = m_found_counts.at(operation);
    out << "\n" << operation << " (" << total << ")\n";
    std::size_t shown = 0;
    for (const auto& example : kept) {
      if (shown == max_examples) {
        break;
      }
      out << "  " << (example.source.empty() ? "" : example.source + ": ")
          << to_string(example.finding.where);
      if (!example.finding.instance_path.empty()) {
        out << " " << example.finding.instance_path;
      }
      out << ": " << example.finding.message << "\n";
      ++shown;
    }
    if (total > shown) {
      out << "  ... and " << (total - shown) << " more\n";
    }
  }
}

}  // namespace wx::conformance
