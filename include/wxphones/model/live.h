#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wxphones/model/device_model.h"
#include "wxphones/model/layout.h"

namespace wx {

// What wxphones read from Webex. Plain values; the webex module fills them, the planner reads them.

struct Person {
  std::string id;
  std::string email;  // the one that matched
  std::string display_name;
  std::string location_id;
};

struct Workspace {
  std::string id;
  std::string display_name;
  std::string location_id;
};

struct Location {
  std::string id;
  std::string name;
};

// A phone as Webex knows it, merged from GET /devices and the telephony owner listings.
struct LiveDevice {
  std::string id;                 // /devices id; the telephony id for phones not yet Webex-aware
  std::string calling_device_id;  // CALLING_DEVICE form, for /telephony/config/devices/{id}
  std::string webex_device_id;    // DEVICE form, for /deviceConfigurations
  std::string mac;                // normalised; empty for an activation code not yet used
  std::string model;              // supportedDevices model string when known ("DMS Cisco 9861")
  std::string product;            // /devices product ("Cisco 9861")
  std::string display_name;
  std::string person_id;
  std::string workspace_id;
  std::string location_id;
  std::string connection_status;  // raw; open set (connected, activating, pending, ...)
  std::string activation_state;   // upper-case; empty unless onboarded by activation code
  std::vector<std::string> tags;
  bool webex_aware = true;  // false: seen only in the telephony owner listings

  bool online() const {
    return connection_status == "connected" || connection_status == "connected_with_issues";
  }
  bool activating() const { return connection_status == "activating" || activation_state == "ACTIVATING"; }
};

// A device as listed by GET /telephony/config/{people|workspaces}/{id}/devices.
struct OwnerDevice {
  std::string id;  // CALLING_DEVICE
  std::string mac;
  std::string model;
  std::string activation_state;   // upper-case
  std::string line_type;          // PRIMARY | SHARED_CALL_APPEARANCE | ...
  std::vector<std::string> tags;  // `description`
};

struct MacStatus {
  std::string mac;
  std::string state;  // AVAILABLE | UNAVAILABLE | DUPLICATE_IN_LIST | INVALID
  std::optional<int> error_code;
  std::string message;
};

// Everything the planner needs to know about the organisation, for the objects the manifests touch.
struct LiveState {
  ModelCatalog catalog;
  std::vector<Location> locations;
  std::map<std::string, Person> people;          // key: email, lower-case; absent = not found
  std::map<std::string, Workspace> workspaces;   // key: display name; absent = not found
  std::map<std::string, int> workspace_matches;  // display name -> how many workspaces carry it
  std::vector<LiveDevice> devices;               // owned by the people/workspaces above, or in prune scope
  std::map<std::string, MacStatus> mac_status;   // validateMacs result for MACs that are not yet devices
  std::vector<LineKeyTemplate> templates;        // every template of the org, keys loaded for managed ones
  std::map<std::string, Layout> layouts;         // device id -> layout, for phones whose layout is managed

  const Location* location_by_id(const std::string& id) const;
  const Location* location_by_name(const std::string& name) const;
};

}  // namespace wx
