#include <doctest/doctest.h>

#include "manifest_test_support.h"

using wx::test::any_message_contains;
using wx::test::load_text;

namespace {

std::string phone(const std::string& name, const std::string& spec_lines) {
  return "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: " + name + "}\nspec:\n" + spec_lines;
}

wx::ModelCatalog narrow_catalog() {
  return wx::ModelCatalog::from_supported_devices(nlohmann::json::parse(R"({"devices": [
    {"model": "DMS Cisco 191", "displayName": "Cisco 191", "onboardingMethod": ["MAC_ADDRESS"], "supportedFor": ["PLACE"]},
    {"model": "DMS Cisco 8875", "displayName": "Cisco 8875", "onboardingMethod": ["ACTIVATION_CODE"], "supportedFor": ["PEOPLE"]}
  ]})"));
}

}  // namespace

TEST_CASE("phone: a valid phone decodes into DesiredPhone") {
  auto set = load_text(
      phone("p", "  model: Cisco 9861\n  onboarding: activationCode\n  owner: {workspace: Lobby}\n"));
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.phones.size() == 1);
  const auto& p = set.desired.phones[0];
  CHECK(p.model == "Cisco 9861");
  CHECK(p.onboarding == wx::Onboarding::ActivationCode);
  CHECK_FALSE(p.mac.has_value());
  CHECK(p.owner.kind == wx::OwnerRef::Kind::Workspace);
  CHECK(p.owner.name == "Lobby");
  CHECK_FALSE(p.tags.has_value());  // absent: not managed
}

TEST_CASE("phone: MAC addresses are normalised and checked") {
  auto ok = load_text(
      phone("p", "  model: Cisco 9861\n  mac: 00-1b-54-aa-01-02\n  owner: {person: a@b.example}\n"));
  REQUIRE(ok.diagnostics.empty());
  CHECK(ok.desired.phones[0].mac == "001B54AA0102");

  auto bad = load_text(phone("p", "  model: Cisco 9861\n  mac: 00:1B:54\n  owner: {person: a@b.example}\n"));
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].field == "spec.mac");
  CHECK(bad.diagnostics[0].where.line == 6);
  CHECK(bad.diagnostics[0].message ==
        "\"00:1B:54\" is not a MAC address; expected 12 hex digits, e.g. 00:1B:54:AA:01:02");
}

TEST_CASE("phone: duplicate MACs are found after normalisation") {
  auto set = wx::test::load_texts(
      {{"a.yaml",
        phone("a", "  model: Cisco 9861\n  mac: 00:1B:54:AA:01:02\n  owner: {person: a@b.example}\n")},
       {"b.yaml", phone("b", "  model: Cisco 9861\n  mac: 001b54aa0102\n  owner: {person: b@b.example}\n")}});
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].where.file == "b.yaml");
  CHECK(set.diagnostics[0].message ==
        "MAC 00:1B:54:AA:01:02 is also used by phone \"a\" (declared at a.yaml:6:8)");
}

TEST_CASE("phone: unknown models get suggestions; display names and model strings both work") {
  CHECK(
      load_text(phone("p", "  model: DMS Cisco 8845\n  mac: 001b54aa0102\n  owner: {person: a@b.example}\n"))
          .diagnostics.empty());
  auto set =
      load_text(phone("p", "  model: DMS Cisco 8848\n  mac: 001b54aa0102\n  owner: {person: a@b.example}\n"));
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].field == "spec.model");
  CHECK(set.diagnostics[0].message.rfind("unknown model \"DMS Cisco 8848\"; did you mean \"DMS Cisco 8841\"",
                                         0) == 0);
}

TEST_CASE("phone: onboarding and owner must be offered by the model") {
  wx::ModelCatalog catalog = narrow_catalog();
  wx::LoadOptions options;
  options.catalog = &catalog;
  auto ata = load_text(
      phone("p", "  model: Cisco 191\n  onboarding: activationCode\n  owner: {person: a@b.example}\n"),
      options);
  CHECK(any_message_contains(ata,
                             "spec.onboarding: model \"Cisco 191\" cannot be added with an activation code "
                             "(it offers MAC address)"));
  CHECK(any_message_contains(ata,
                             "spec.owner.person: model \"Cisco 191\" cannot be owned by a person "
                             "(it supports workspaces)"));
  auto video = load_text(
      phone("p", "  model: Cisco 8875\n  mac: 001b54aa0102\n  owner: {workspace: Lobby}\n"), options);
  CHECK(any_message_contains(video, "spec.mac: model \"Cisco 8875\" cannot be added by MAC address"));
  CHECK(any_message_contains(video,
                             "spec.owner.workspace: model \"Cisco 8875\" cannot be owned by a workspace"));
  CHECK(video.diagnostics.size() == 2);
}

TEST_CASE("phone: exactly one of mac and onboarding; exactly one owner") {
  auto both = load_text(phone("p",
                              "  model: Cisco 9861\n  mac: 001b54aa0102\n  onboarding: activationCode\n  "
                              "owner: {person: a@b.example}\n"));
  REQUIRE(both.diagnostics.size() == 1);
  CHECK(both.diagnostics[0].field == "spec.onboarding");
  auto neither = load_text(phone("p", "  model: Cisco 9861\n  owner: {person: a@b.example}\n"));
  REQUIRE(neither.diagnostics.size() == 1);
  CHECK(neither.diagnostics[0].field == "spec");
  CHECK(neither.diagnostics[0].where.line == 4);

  auto two_owners = load_text(
      phone("p", "  model: Cisco 9861\n  mac: 001b54aa0102\n  owner: {person: a@b.example, workspace: L}\n"));
  REQUIRE(two_owners.diagnostics.size() ==
          1);  // the schema's oneOf failure on the same field is not repeated
  CHECK(two_owners.diagnostics[0].message == "has both person and workspace; a phone has exactly one owner");
  auto no_owner = load_text(phone("p", "  model: Cisco 9861\n  mac: 001b54aa0102\n"));
  REQUIRE(no_owner.diagnostics.size() == 1);
  CHECK(no_owner.diagnostics[0].field == "spec.owner");
  CHECK(no_owner.diagnostics[0].message == "missing required field");
}

TEST_CASE("phone: two activation-code phones with the same owner and model cannot be told apart") {
  auto set = load_text(
      phone("a", "  model: DMS Cisco 9861\n  onboarding: activationCode\n  owner: {person: A@b.example}\n") +
      "---\n" +
      phone("b", "  model: Cisco 9861\n  onboarding: activationCode\n  owner: {person: a@b.example}\n") +
      "---\n" +
      phone("c", "  model: Cisco 9861\n  onboarding: activationCode\n  owner: {workspace: a@b.example}\n"));
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].field == "spec.onboarding");
  CHECK(set.diagnostics[0].where.line == 14);
  CHECK(set.diagnostics[0].message.find("phone \"a\"") != std::string::npos);
}

TEST_CASE("phone: names are unique per kind, not across kinds") {
  auto set =
      load_text(phone("x", "  model: Cisco 9861\n  mac: 001b54aa0101\n  owner: {person: a@b.example}\n") +
                "---\napiVersion: wxphones/v1\nkind: Project\nmetadata: {name: x}\n---\n" +
                phone("x", "  model: Cisco 9861\n  mac: 001b54aa0102\n  owner: {person: a@b.example}\n"));
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].field == "metadata.name");
  CHECK(set.diagnostics[0].message == "duplicate Phone name \"x\"; first declared at m.yaml:3:18");
}
