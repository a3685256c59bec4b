#pragma once
#include <set>
#include <string>
#include <vector>

#include "wxphones/conformance/exchange.h"
#include "wxphones/conformance/finding.h"
#include "wxphones/conformance/openapi_set.h"

namespace wx::conformance {

struct CheckOptions {
  bool apply_calibration = true;  // false: check against the descriptions as published
  std::set<std::string>
      disabled_rules;  // calibration rule names to switch off (tests show each rule matters)
  bool report_undeclared_fields = true;  // body fields neither the schema nor the documented example lists
};

struct CheckOutcome {
  std::string operation;  // "GET /devices/{deviceId}", empty when no operation matched
  std::vector<Finding> findings;
  std::vector<std::string> rules_applied;  // calibration rules that excused something in this exchange
};

// Checks traffic against the descriptions with the calibrations of WEBEX_API.md §12-14:
// route known; query names declared, values of the declared type/enum, required query present; request
// body against its schema (types, enums, formats everywhere; `required` only at the top level); response
// status documented; 2xx body against its schema (no `required`); non-2xx JSON bodies carry the Webex
// error shape (message, trackingId, optional errors array).
class ConformanceChecker {
 public:
  explicit ConformanceChecker(const OpenApiSet& descriptions, CheckOptions options = {});

  CheckOutcome check(const Exchange& exchange) const;
  std::vector<Finding> check_exchange(const Exchange& exchange) const { return check(exchange).findings; }

 private:
  const OpenApiSet& m_descriptions;
  CheckOptions m_options;
};

}  // namespace wx::conformance
