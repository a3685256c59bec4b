#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wxphones/model/customizations.h"
#include "wxphones/model/device_configuration.h"
#include "wxphones/model/device_members.h"
#include "wxphones/model/device_model.h"
#include "wxphones/model/dynamic_settings.h"
#include "wxphones/model/hoteling.h"
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
  Hoteling hoteling;              // complete when read
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

  // Settings, read only for what the manifests declare (keys: ids as the maps say).
  std::optional<ScopeCustomizations> org_customizations;
  std::map<std::string, ScopeCustomizations> location_customizations;  // location id ->
  std::map<std::string, ScopeCustomizations> device_customizations;    // device id ->
  std::map<std::string, OwnerDeviceSettings> person_device_settings;   // person id -> compression
  std::map<std::string, OwnerDeviceSettings> workspace_device_settings;
  std::map<std::string, Hoteling> person_hoteling;     // person id -> hoteling of the primary device
  std::map<std::string, Hoteling> workspace_hoteling;  // workspace id ->
  DynamicSettingsSchema dynamic_schema;                // the org's validationSchema for the families used
  std::map<std::string, std::vector<DynamicSetting>> org_dynamic;  // family -> tags
  std::map<std::pair<std::string, std::string>, std::vector<DynamicSetting>>
      location_dynamic;                                               // (loc id, family)
  std::map<std::string, std::vector<DynamicSetting>> device_dynamic;  // device id -> tags
  std::map<std::string, DeviceConfigurations> device_configurations;  // device id -> declared keys
  std::map<std::string, DeviceMembers> device_members;                // device id ->
  // device id -> member id -> placeable: the available-members search for the declared members
  std::map<std::string, std::map<std::string, bool>> member_available;
  // The phones in the scope of a declared org/location setting that differs from live: location id
  // ("" = org) -> devices. Their own settings are in device_customizations / device_dynamic, so
  // the planner can list the phones a scope job will not reach.
  std::map<std::string, std::vector<LiveDevice>> scope_devices;

  const Location* location_by_id(const std::string& id) const;
  const Location* location_by_name(const std::string& name) const;
};

}  // namespace wx
