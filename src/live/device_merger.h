#pragma once
// Joins the phones of GET /devices with those of the telephony owner listings: the listings know
// the model string and see phones /devices does not (yet). Thread-safe adds; merged() once at the end.
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "wxphones/model/live.h"

namespace wx {

class DeviceMerger {
 public:
  void add_webex(std::vector<LiveDevice> devices);
  void add_owner_devices(const std::vector<OwnerDevice>& devices, const std::string& person_id,
                         const std::string& workspace_id);
  std::vector<LiveDevice> merged();

 private:
  struct OwnerBatch {
    std::vector<OwnerDevice> devices;
    std::string person_id;
    std::string workspace_id;
  };
  std::mutex m_mutex;
  std::set<std::string> m_ids;
  std::vector<LiveDevice> m_devices;
  std::vector<OwnerBatch> m_owner_devices;
};

}  // namespace wx
