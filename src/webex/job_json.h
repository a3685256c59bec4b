#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/device_job.h"

namespace wx::webex_detail {

// The common device job object (WEBEX_API.md section 6.9). Unknown statuses are kept as they are; when
// latestExecutionStatus/ExitCode are missing, the newest jobExecutionStatus entry stands in for them.
DeviceJob device_job_from_json(const nlohmann::json& body);

// One page of GET .../{jobId}/errors in either shape: {items:[{itemNumber, trackingId, errorType,
// error:{key, message[]}}]} (the other jobs, wxc_sdk, the emulator) or the single object
// {trackingId, error:{key, message[]}} that the OpenAPI description gives for applyLineKeyTemplate.
std::vector<DeviceJobError> job_errors_from_json(const nlohmann::json& body);

// One element of items[] (or the single object above).
DeviceJobError job_error_from_json(const nlohmann::json& item, int default_item_number);

}  // namespace wx::webex_detail
