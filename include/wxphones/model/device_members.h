#pragma once
#include <optional>
#include <string>
#include <vector>

namespace wx {

// The lines on a device, GET/PUT /telephony/config/devices/{id}/members (WEBEX_API.md §6.3).
// The PUT is a full replacement, so wxphones always sends the whole list, primary owner included.
struct DeviceMember {
  std::string id;           // person, workspace or virtual line id
  std::string member_type;  // PEOPLE | PLACE | VIRTUAL_LINE (open)
  std::string first_name;
  std::string last_name;
  int port = 1;
  std::string line_type = "SHARED_CALL_APPEARANCE";  // PRIMARY | SHARED_CALL_APPEARANCE
  int line_weight = 1;
  bool primary_owner = false;
  bool hotline_enabled = false;
  std::string hotline_destination;
  bool allow_call_decline_enabled = true;
  std::optional<std::string> line_label;
  bool t38_fax_compression_enabled = false;
  std::string location_id;

  // The fields wxphones manages and compares (not names, location or t38).
  bool same_line(const DeviceMember& other) const;
};

struct DeviceMembers {
  std::string model;
  int max_line_count = 0;
  std::vector<DeviceMember> members;  // sorted by port
};

// GET .../devices/{id}/availableMembers: who may be placed on this device.
struct AvailableMember {
  std::string id;
  std::string first_name;
  std::string last_name;
  std::string member_type;  // PEOPLE | PLACE | VIRTUAL_LINE
  std::string location_id;
};

}  // namespace wx
