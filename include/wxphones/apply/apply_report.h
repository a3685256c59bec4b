#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx {

enum class StepStatus {
  Done,
  Failed,   // Webex refused it; see message and tracking id
  Pending,  // not done yet: a wait timed out or a step it depends on is pending; the next run continues
  Skipped,  // not attempted because a step it depends on failed
};

struct StepOutcome {
  std::string step_id;
  std::string target;
  StepStatus status = StepStatus::Done;
  std::string message;
  std::string tracking_id;
};

// An activation code a person has to type into a phone.
struct IssuedActivationCode {
  std::string phone;
  std::string model;
  std::string code;
  std::string expiry_time;
};

struct ApplyReport {
  std::vector<StepOutcome> outcomes;
  std::vector<IssuedActivationCode> activation_codes;
  // Why apply stopped early (Webex rejected the access token): the steps after it were not attempted.
  std::string stopped_because;

  // 0 done, 1 something failed, 3 incomplete (waits timed out; the next run continues).
  int exit_code() const;
  nlohmann::json to_json() const;  // for --report FILE; never holds a token
};

std::string_view status_name(StepStatus status);

}  // namespace wx
