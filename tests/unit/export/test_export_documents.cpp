// LiveState -> manifest documents: naming, what is left out, templates recognised, settings only
// where they differ from the scope above.
#include <doctest/doctest.h>

#include "wxphones/export/export_documents.h"
#include "wxphones/export/yaml_writer.h"

using namespace wx;
using namespace wx::exporter;

namespace {

ModelCatalog test_catalog() {
  DeviceModel mpp;
  mpp.model = "DMS Cisco 8851";
  mpp.display_name = "Cisco 8851";
  mpp.type = "MPP";
  mpp.allow_configure_layout = true;
  mpp.number_of_line_key_buttons = 10;
  mpp.settings_family = SettingsFamily::CallingCustomizations;
  DeviceModel desk;
  desk.model = "DMS Cisco 9861";
  desk.display_name = "Cisco 9861";
  desk.family_display_name = "Cisco 9800";
  desk.settings_family = SettingsFamily::DynamicSettings;
  return ModelCatalog({mpp, desk});
}

LiveDevice device(const std::string& id, const std::string& mac, const std::string& model,
                  const std::string& person) {
  LiveDevice d;
  d.id = id;
  d.mac = mac;
  d.model = model;
  d.person_id = person;
  d.location_id = "L1";
  d.connection_status = "connected";
  return d;
}

LiveState base_state() {
  LiveState live;
  live.catalog = test_catalog();
  live.locations = {{"L1", "HQ"}, {"L2", "Branch"}};
  live.people["alice@acme.example"] = {"P1", "alice@acme.example", "Alice", "L1"};
  live.people["bob@acme.example"] = {"P2", "bob@acme.example", "Bob", "L1"};
  return live;
}

const ExportedFile* file_named(const ExportResult& r, const std::string& name) {
  for (const auto& f : r.files) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("phone names come from owner and model and stay unique") {
  CHECK(phone_base_name("alice@acme.example", "Cisco 8851") == "alice-8851");
  CHECK(phone_base_name("HQ Lobby", "Cisco 9861") == "hq-lobby-9861");
  CHECK(unique_names({"alice-8851", "alice-8851", "bob-8851"}) ==
        std::vector<std::string>{"alice-8851", "alice-8851-2", "bob-8851"});
  // A suffix never takes a name another phone has as its own.
  CHECK(unique_names({"a", "a", "a-2"}) == std::vector<std::string>{"a", "a-3", "a-2"});
  CHECK(location_file_name("HQ / West") == "HQ___West.yaml");
}

TEST_CASE("differing_leaves keeps only what a scope sets on top of its parent") {
  const nlohmann::json parent = {{"mpp", {{"backlightTimer", "ALWAYS_ON"}, {"volume", 5}}}};
  const nlohmann::json value = {{"mpp", {{"backlightTimer", "ONE_MIN"}, {"volume", 5}}}};
  CHECK(differing_leaves(value, parent) == nlohmann::json{{"mpp", {{"backlightTimer", "ONE_MIN"}}}});
  CHECK(differing_leaves(parent, parent).empty());
}

TEST_CASE("a phone exports model, MAC, owner, tags, template layout, members and own values") {
  LiveState live = base_state();
  LiveDevice a = device("D1", "0A0000000001", "DMS Cisco 8851", "P1");
  a.tags = {"reception", "hq"};
  live.devices.push_back(a);
  live.devices.push_back(device("D2", "0A0000000002", "DMS Cisco 9861", "P2"));
  LiveDevice activating = device("D3", "", "DMS Cisco 9861", "P2");
  activating.connection_status = "activating";
  live.devices.push_back(activating);

  LineKeyTemplate t;
  t.id = "T1";
  t.template_name = "Reception 8851";
  t.device_model = "DMS Cisco 8851";
  t.details_loaded = true;
  t.line_keys = {{1, "PRIMARY_LINE", {}, {}, {}, {}}, {2, "SPEED_DIAL", "Help", "5000", {}, {}}};
  live.templates.push_back(t);
  Layout layout;
  layout.mode = LayoutMode::Custom;
  layout.line_keys = t.line_keys;
  live.layouts["D1"] = layout;

  DeviceMembers members;
  DeviceMember owner;
  owner.id = "P1";
  owner.member_type = "PEOPLE";
  owner.primary_owner = true;
  owner.line_type = "PRIMARY";
  DeviceMember bob;
  bob.id = "P2";
  bob.member_type = "PEOPLE";
  bob.port = 2;
  bob.line_label = "Bob";
  members.members = {owner, bob};
  live.device_members["D1"] = members;

  live.org_customizations =
      ScopeCustomizations{{}, {{"mpp", {{"backlightTimer", "ALWAYS_ON"}, {"volume", 5}}}}};
  live.device_customizations["D1"] =
      ScopeCustomizations{true, {{"mpp", {{"backlightTimer", "ONE_MIN"}, {"volume", 5}}}}};
  live.device_dynamic["D2"] = {{"", "%ENABLE_BLUETOOTH%", "0", "1", "SYSTEM_DEFAULT"},
                               {"", "%SCREEN_BRIGHTNESS%", std::nullopt, "5", "SYSTEM_DEFAULT"}};
  live.person_hoteling["P1"] = Hoteling{true, false, 12};
  live.person_hoteling["P2"] = Hoteling{false, false, 24};

  const ExportResult result = build_export(live, {});
  CHECK(result.phones == 2);
  CHECK(result.skipped == 1);
  const ExportedFile* hq = file_named(result, "HQ.yaml");
  REQUIRE(hq != nullptr);
  REQUIRE(hq->documents.size() == 2);
  CHECK(hq->comments.size() == 1);
  CHECK(hq->comments[0].find("activation code") != std::string::npos);

  const Document& alice = hq->documents[0];
  CHECK(alice["metadata"]["name"] == "alice-8851");
  const Document& spec = alice["spec"];
  CHECK(spec["model"] == "DMS Cisco 8851");
  CHECK(spec["mac"] == "0A:00:00:00:00:01");
  CHECK(spec["owner"]["person"] == "alice@acme.example");
  CHECK(spec["tags"] == Document{"hq", "reception"});
  CHECK(spec["layout"] == Document{{"template", "reception-8851"}});
  REQUIRE(spec["members"].size() == 1);
  CHECK(spec["members"][0]["person"] == "bob@acme.example");
  CHECK(spec["members"][0]["port"] == 2);
  CHECK(spec["settings"]["customizations"].dump() == R"({"mpp":{"backlightTimer":"ONE_MIN"}})");
  CHECK(spec["hoteling"]["guestHoursLimit"] == 12);

  const Document& bob_phone = hq->documents[1];
  CHECK(bob_phone["metadata"]["name"] == "bob-9861");
  CHECK(bob_phone["spec"]["dynamicSettings"].dump() == R"({"%ENABLE_BLUETOOTH%":"0"})");
  CHECK_FALSE(bob_phone["spec"].contains("hoteling"));
  CHECK_FALSE(bob_phone["spec"].contains("layout"));

  const ExportedFile* templates = file_named(result, "templates.yaml");
  REQUIRE(templates != nullptr);
  CHECK(templates->documents[0]["spec"]["templateName"] == "Reception 8851");

  const ExportedFile* project = file_named(result, "project.yaml");
  REQUIRE(project != nullptr);
  CHECK(project->documents[0]["spec"]["prune"]["phones"]["tag"] == "managed-by-wxphones");
  CHECK(project->documents[0]["spec"]["prune"]["phones"]["locations"] == Document{"Branch", "HQ"});
}

TEST_CASE("a layout that differs from every template is written inline") {
  LiveState live = base_state();
  live.devices.push_back(device("D1", "0A0000000001", "DMS Cisco 8851", "P1"));
  Layout layout;
  layout.mode = LayoutMode::Custom;
  layout.line_keys = {{1, "PRIMARY_LINE", {}, {}, {}, {}}, {3, "SPEED_DIAL", "Desk", "4100", {}, {}}};
  live.layouts["D1"] = layout;
  const ExportResult result = build_export(live, {"HQ"});
  const Document& spec = file_named(result, "HQ.yaml")->documents[0]["spec"];
  CHECK(spec["layout"]["layoutMode"] == "CUSTOM");
  CHECK(spec["layout"]["lineKeys"][1]["lineKeyValue"] == "4100");
  CHECK(file_named(result, "project.yaml")->documents[0]["spec"]["prune"]["phones"]["locations"] ==
        Document{"HQ"});
}

TEST_CASE("location settings: customizations beyond the organization's and dynamic values set there") {
  LiveState live = base_state();
  live.org_customizations = ScopeCustomizations{{}, {{"mpp", {{"backlightTimer", "ALWAYS_ON"}}}}};
  live.location_customizations["L1"] =
      ScopeCustomizations{true, {{"mpp", {{"backlightTimer", "THIRTY_MIN"}}}}};
  live.location_customizations["L2"] =
      ScopeCustomizations{false, {{"mpp", {{"backlightTimer", "ALWAYS_ON"}}}}};
  live.org_dynamic["Cisco 9800"] = {{"Cisco 9800", "%ENABLE_BLUETOOTH%", "0", "1", "SYSTEM_DEFAULT"}};
  const ExportResult result = build_export(live, {});
  const ExportedFile* settings = file_named(result, "settings.yaml");
  REQUIRE(settings != nullptr);
  REQUIRE(settings->documents.size() == 2);
  CHECK(settings->documents[0]["spec"]["scope"]["organization"] == true);
  CHECK(settings->documents[0]["spec"]["dynamicSettings"]["Cisco 9800"]["%ENABLE_BLUETOOTH%"] == "0");
  CHECK(settings->documents[1]["spec"]["scope"]["location"] == "HQ");
  CHECK(settings->documents[1]["spec"]["customizations"]["mpp"]["backlightTimer"] == "THIRTY_MIN");
}

TEST_CASE("YAML output quotes strings that would read back as another type") {
  ExportedFile file{"x.yaml", {"a comment"}, {}};
  Document doc;
  doc["kind"] = "Phone";
  doc["spec"] = Document{{"dynamicSettings", Document{{"%A%", "1"}, {"%B%", "true"}}}, {"count", 7}};
  file.documents.push_back(doc);
  const std::string text = to_yaml(file);
  CHECK(text.find("# a comment") != std::string::npos);
  CHECK(text.find("%A%\": \"1\"") != std::string::npos);
  CHECK(text.find("\"true\"") != std::string::npos);
  CHECK(text.find("count: 7") != std::string::npos);
  CHECK(text.find("---\nkind: Phone") != std::string::npos);
}
