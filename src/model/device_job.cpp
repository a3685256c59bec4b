#include "wxphones/model/device_job.h"

namespace wx {

std::string_view job_path_segment(JobFamily family) {
  switch (family) {
    case JobFamily::ApplyLineKeyTemplate: return "applyLineKeyTemplate";
    case JobFamily::CallDeviceSettings: return "callDeviceSettings";
    case JobFamily::DynamicDeviceSettings: return "dynamicDeviceSettings";
    case JobFamily::RebuildPhones: return "rebuildPhones";
  }
  return "";
}

}  // namespace wx
