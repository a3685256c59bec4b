#pragma once
// Small builders for desired and live values, so planner tests read like the situation they test.
#include <string>
#include <vector>

#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"

namespace wx::test {

inline DesiredPhone mac_phone(std::string name, std::string mac, std::string model,
                              std::string person_email) {
  DesiredPhone p;
  p.name = std::move(name);
  p.mac = std::move(mac);
  p.model = std::move(model);
  p.onboarding = Onboarding::Mac;
  p.owner = {OwnerRef::Kind::Person, std::move(person_email), {"phones.yaml", 7, 19}};
  p.where = {"phones.yaml", 1, 1};
  p.field_locations["spec.owner.person"] = {"phones.yaml", 7, 19};
  p.field_locations["spec.mac"] = {"phones.yaml", 6, 8};
  p.field_locations["spec.model"] = {"phones.yaml", 5, 10};
  return p;
}

inline DesiredPhone code_phone(std::string name, std::string model, std::string workspace) {
  DesiredPhone p;
  p.name = std::move(name);
  p.model = std::move(model);
  p.onboarding = Onboarding::ActivationCode;
  p.owner = {OwnerRef::Kind::Workspace, std::move(workspace), {"phones.yaml", 7, 21}};
  p.where = {"phones.yaml", 1, 1};
  p.field_locations["spec.owner.workspace"] = {"phones.yaml", 7, 21};
  return p;
}

// An organisation with two locations, two people and a workspace; no devices.
inline LiveState small_org() {
  LiveState live;
  live.catalog = ModelCatalog::builtin();
  live.locations = {{"L-HQ", "HQ"}, {"L-BR", "Branch"}};
  live.people["alice@acme.example"] = {"P-ALICE", "alice@acme.example", "Alice", "L-HQ"};
  live.people["bob@acme.example"] = {"P-BOB", "bob@acme.example", "Bob", "L-BR"};
  live.workspaces["HQ Lobby"] = {"W-LOBBY", "HQ Lobby", "L-HQ"};
  live.workspace_matches["HQ Lobby"] = 1;
  return live;
}

inline LiveDevice live_phone(std::string id, std::string mac, std::string model, std::string person_id,
                             std::string location_id, std::vector<std::string> tags = {},
                             std::string status = "connected") {
  LiveDevice d;
  d.id = std::move(id);
  d.mac = std::move(mac);
  d.model = std::move(model);
  d.person_id = std::move(person_id);
  d.location_id = std::move(location_id);
  d.tags = std::move(tags);
  d.connection_status = std::move(status);
  return d;
}

inline LineKey key(int index, std::string type, std::optional<std::string> label = std::nullopt,
                   std::optional<std::string> value = std::nullopt) {
  LineKey k;
  k.index = index;
  k.type = std::move(type);
  k.label = std::move(label);
  k.value = std::move(value);
  return k;
}

inline KemKey kem_key(int module, int index, std::string type, std::optional<std::string> label = std::nullopt,
                      std::optional<std::string> value = std::nullopt) {
  KemKey k;
  k.module_index = module;
  k.key_index = index;
  k.type = std::move(type);
  k.label = std::move(label);
  k.value = std::move(value);
  return k;
}

}  // namespace wx::test
