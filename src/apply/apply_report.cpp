#include "wxphones/apply/apply_report.h"

namespace wx {

std::string_view status_name(StepStatus status) {
  switch (status) {
    case StepStatus::Done:
      return "done";
    case StepStatus::Failed:
      return "failed";
    case StepStatus::Pending:
      return "pending";
    case StepStatus::Skipped:
      return "skipped";
  }
  return "?";
}

int ApplyReport::exit_code() const {
  bool pending = false;
  for (const auto& o : outcomes) {
    if (o.status == StepStatus::Failed || o.status == StepStatus::Skipped) return 1;
    if (o.status == StepStatus::Pending) pending = true;
  }
  return pending ? 3 : 0;
}

nlohmann::json ApplyReport::to_json() const {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& o : outcomes) {
    nlohmann::json s = {{"step", o.step_id}, {"target", o.target}, {"status", status_name(o.status)}};
    if (!o.message.empty()) s["message"] = o.message;
    if (!o.tracking_id.empty()) s["trackingId"] = o.tracking_id;
    steps.push_back(s);
  }
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& c : activation_codes) {
    codes.push_back(
        {{"phone", c.phone}, {"model", c.model}, {"code", c.code}, {"expiryTime", c.expiry_time}});
  }
  nlohmann::json out = {
      {"formatVersion", "1.0"}, {"exitCode", exit_code()}, {"steps", steps}, {"activationCodes", codes}};
  if (!stopped_because.empty()) out["stoppedBecause"] = stopped_because;
  return out;
}

}  // namespace wx
