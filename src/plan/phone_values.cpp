#include "wxphones/plan/phone_values.h"

#include "wxphones/plan/normalize.h"

namespace wx {

nlohmann::json desired_phone_value(const DesiredPhone& phone, const LiveState& live) {
  nlohmann::json v;
  v["model"] = canonical_model(live.catalog, phone.model);
  if (phone.mac) {
    v["mac"] = *phone.mac;
  } else {
    v["onboarding"] = "activationCode";
  }
  v["owner"] = phone.owner.kind == OwnerRef::Kind::Person ? nlohmann::json{{"person", phone.owner.name}}
                                                          : nlohmann::json{{"workspace", phone.owner.name}};
  if (phone.tags) v["tags"] = normalize_tags(*phone.tags);
  return v;
}

nlohmann::json live_phone_value(const LiveDevice& device, const LiveState& live) {
  nlohmann::json v;
  v["model"] = canonical_model(live.catalog, device.model.empty() ? device.product : device.model);
  if (!device.mac.empty()) v["mac"] = device.mac;
  // Show the owner the way manifests name it when we know it.
  nlohmann::json owner;
  for (const auto& [email, person] : live.people) {
    if (same_webex_id(person.id, device.person_id)) owner = {{"person", email}};
  }
  for (const auto& [name, workspace] : live.workspaces) {
    if (same_webex_id(workspace.id, device.workspace_id)) owner = {{"workspace", name}};
  }
  if (owner.is_null()) {
    owner = device.person_id.empty() ? nlohmann::json{{"workspaceId", device.workspace_id}}
                                     : nlohmann::json{{"personId", device.person_id}};
  }
  v["owner"] = owner;
  v["tags"] = normalize_tags(device.tags);
  v["connectionStatus"] = device.connection_status;
  return v;
}

std::string describe_status(const LiveDevice& device) {
  if (device.activating()) return "activating: waiting for the activation code to be entered on the phone";
  if (!device.webex_aware) return "not yet Webex-aware";
  return device.connection_status.empty() ? "status unknown" : device.connection_status;
}

}  // namespace wx
