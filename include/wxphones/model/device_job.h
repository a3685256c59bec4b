#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/dynamic_settings.h"

namespace wx {

// The four device job families of /telephony/config/jobs/devices/...; only one runs per org.
enum class JobFamily { ApplyLineKeyTemplate, CallDeviceSettings, DynamicDeviceSettings, RebuildPhones };

std::string_view job_path_segment(JobFamily family);  // "applyLineKeyTemplate", ...

// The common async job object (WEBEX_API.md §6.9). Unknown status strings are kept as they are.
struct DeviceJob {
  std::string id;
  std::string name;
  std::string tracking_id;
  std::string latest_execution_status;     // STARTING | STARTED | COMPLETED | FAILED | ...
  std::string latest_execution_exit_code;  // UNKNOWN | COMPLETED | FAILED | COMPLETED_WITH_ERRORS | ...
  int percentage_complete = 0;
  std::optional<int> updated_count;   // applyLineKeyTemplate
  std::optional<int> advisory_count;  // applyLineKeyTemplate
  std::optional<int> device_count;    // callDeviceSettings, rebuildPhones

  bool finished() const {
    return latest_execution_status == "COMPLETED" || latest_execution_status == "FAILED";
  }
};

// One item of GET .../{jobId}/errors.
struct DeviceJobError {
  int item_number = 0;
  std::string item;  // the device or entity, when given
  std::string tracking_id;
  std::string error_type;             // WARN | ERROR, when given
  std::string key;                    // an HTTP status as a string ("500")
  std::vector<std::string> messages;  // message[].description (and code when present)
};

// Body of POST .../applyLineKeyTemplate and previewApplyLineKeyTemplate.
struct ApplyTemplateRequest {
  std::string action = "APPLY_TEMPLATE";  // or APPLY_DEFAULT_TEMPLATES
  std::string template_id;                // required for APPLY_TEMPLATE
  std::vector<std::string> location_ids;  // empty: the whole organisation
  bool exclude_devices_with_custom_layout = false;
  std::vector<std::string> include_device_tags;
  std::vector<std::string> exclude_device_tags;
};

// Body of POST /telephony/config/jobs/devices/callDeviceSettings (WEBEX_API.md §6.10).
struct DeviceSettingsJobRequest {
  std::string location_id;                                   // empty: the organisation
  std::optional<bool> location_customizations_enabled;       // location only
  nlohmann::json customizations = nlohmann::json::object();  // the complete families to set
};

// Body of POST /telephony/config/jobs/devices/dynamicDeviceSettings (§8): minItems 1.
struct DynamicSettingsJobRequest {
  std::string location_id;  // empty: the organisation (omitted from the body)
  std::vector<DynamicSettingChange> tags;
};

}  // namespace wx
