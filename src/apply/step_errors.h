#pragma once
#include <stdexcept>
#include <string>

namespace wx {

// A step that could not finish yet (a job still queued or running at its deadline).
struct StepPending : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A step Webex reported as failed without an HTTP error (a job with failed phones).
struct StepFailed : std::runtime_error {
  StepFailed(const std::string& message, std::string tracking)
      : std::runtime_error(message), tracking_id(std::move(tracking)) {}
  std::string tracking_id;
};

}  // namespace wx
