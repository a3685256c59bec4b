#pragma once
#include <string>
#include <vector>

namespace wx::conformance {

// The documented deliberate exceptions (WEBEX_API.md §12-14) the checker applies; the table itself is
// src/conformance/calibration.cpp. Listed so reports and tests can name them.
struct CalibrationRuleInfo {
  std::string name;     // "tags-patch-array"
  std::string section;  // "WEBEX_API.md §12"
  std::string summary;  // one line: what is tolerated and where
};

const std::vector<CalibrationRuleInfo>& calibration_rules();

}  // namespace wx::conformance
