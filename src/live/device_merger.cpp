#include "live/device_merger.h"

#include <algorithm>
#include <optional>

#include "wxphones/plan/normalize.h"

namespace wx {

void DeviceMerger::add_webex(std::vector<LiveDevice> devices) {
  std::lock_guard lock(m_mutex);
  for (auto& d : devices) {
    if (m_ids.insert(d.id).second) m_devices.push_back(std::move(d));
  }
}

void DeviceMerger::add_owner_devices(const std::vector<OwnerDevice>& devices, const std::string& person_id,
                                     const std::string& workspace_id) {
  std::lock_guard lock(m_mutex);
  m_owner_devices.push_back({devices, person_id, workspace_id});
}

std::vector<LiveDevice> DeviceMerger::merged() {
  std::lock_guard lock(m_mutex);
  // Indexes by MAC and by unpadded calling id; the last device listed wins, as a scan would.
  std::map<std::string, std::size_t> by_mac;
  std::map<std::string, std::size_t> by_calling_id;
  for (std::size_t i = 0; i < m_devices.size(); ++i) {
    if (!m_devices[i].mac.empty()) by_mac[m_devices[i].mac] = i;
    if (!m_devices[i].calling_device_id.empty())
      by_calling_id[std::string(without_webex_padding(m_devices[i].calling_device_id))] = i;
  }
  for (const auto& batch : m_owner_devices) {
    for (const auto& od : batch.devices) {
      std::optional<std::size_t> match;
      if (auto it = by_calling_id.find(std::string(without_webex_padding(od.id))); it != by_calling_id.end())
        match = it->second;
      if (auto it = od.mac.empty() ? by_mac.end() : by_mac.find(od.mac); it != by_mac.end()) {
        match = std::max(match.value_or(0), it->second);
      }
      if (match) {
        LiveDevice& d = m_devices[*match];
        if (d.model.empty()) d.model = od.model;
        if (d.activation_state.empty()) d.activation_state = od.activation_state;
        if (d.calling_device_id.empty()) d.calling_device_id = od.id;
        continue;
      }
      if (!m_ids.insert(od.id).second) continue;
      LiveDevice d;
      d.id = od.id;
      d.calling_device_id = od.id;
      d.mac = od.mac;
      d.model = od.model;
      d.person_id = batch.person_id;
      d.workspace_id = batch.workspace_id;
      d.activation_state = od.activation_state;
      d.connection_status = od.activation_state == "ACTIVATING" ? "activating" : "unknown";
      d.tags = od.tags;
      d.webex_aware = false;
      m_devices.push_back(std::move(d));
    }
  }
  return m_devices;
}

}  // namespace wx
