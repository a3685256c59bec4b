#include <doctest/doctest.h>

#include "manifest_test_support.h"

using wx::test::load_text;
using wx::test::load_texts;
using wx::test::messages;

namespace {

std::string template_doc(const std::string& name, const std::string& spec_lines) {
  return "apiVersion: wxphones/v1\nkind: LineKeyTemplate\nmetadata: {name: " + name + "}\nspec:\n" +
         spec_lines + "  lineKeys: [{lineKeyIndex: 1, lineKeyType: PRIMARY_LINE}]\n";
}

std::string phone(const std::string& name, const std::string& model, const std::string& mac,
                  const std::string& template_name) {
  return "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: " + name + "}\nspec:\n  model: " + model +
         "\n  mac: " + mac + "\n  owner: {person: a@b.example}\n  layout: {template: " + template_name +
         "}\n";
}

}  // namespace

TEST_CASE("template: decodes into DesiredTemplate; templateName defaults to metadata.name") {
  auto set = load_text(template_doc("desk", "  deviceModel: DMS Cisco 8845\n  userReorderEnabled: true\n"));
  REQUIRE(messages(set).empty());
  REQUIRE(set.desired.templates.size() == 1);
  const wx::DesiredTemplate& t = set.desired.templates[0];
  CHECK(t.name == "desk");
  CHECK(t.spec.template_name == "desk");
  CHECK(t.spec.device_model == "DMS Cisco 8845");
  CHECK(t.spec.model_display_name == "Cisco 8845");
  CHECK(t.spec.user_reorder_enabled == true);
  CHECK(t.spec.id.empty());
  CHECK(t.spec.details_loaded);
  CHECK(t.where == wx::SourceLocation{"m.yaml", 2, 1});
  CHECK(t.location_of("spec.deviceModel") == wx::SourceLocation{"m.yaml", 5, 16});
  CHECK(set.kinds["LineKeyTemplate"] == 1);

  auto named = load_text(template_doc("desk", "  templateName: Front desk\n  deviceModel: Cisco 8845\n"));
  REQUIRE(messages(named).empty());
  CHECK(named.desired.templates[0].spec.template_name == "Front desk");
  CHECK_FALSE(named.desired.templates[0].spec.user_reorder_enabled.has_value());
}

TEST_CASE("template: phones reference templates by manifest name, of their own model") {
  const std::string tmpl =
      template_doc("desk", "  templateName: Desk phones\n  deviceModel: DMS Cisco 8845\n");
  // The model may be written as model string or display name on either side.
  auto ok = load_texts({{"t.yaml", tmpl}, {"p.yaml", phone("p", "Cisco 8845", "001b54aa0102", "desk")}});
  CHECK(messages(ok).empty());

  auto by_template_name =
      load_texts({{"t.yaml", tmpl}, {"p.yaml", phone("p", "Cisco 8845", "001b54aa0102", "Desk phones")}});
  REQUIRE(by_template_name.diagnostics.size() == 1);
  CHECK(by_template_name.diagnostics[0].message == "no LineKeyTemplate named \"Desk phones\"");

  auto other_model =
      load_texts({{"t.yaml", tmpl}, {"p.yaml", phone("p", "DMS Cisco 8841", "001b54aa0102", "desk")}});
  REQUIRE(other_model.diagnostics.size() == 1);
  CHECK(other_model.diagnostics[0].where == wx::SourceLocation{"p.yaml", 8, 22});
  CHECK(other_model.diagnostics[0].message ==
        "LineKeyTemplate \"desk\" is for model \"Cisco 8845\" (at t.yaml:6:16) but this phone is a \"Cisco "
        "8841\"");

  auto typo = load_texts({{"t.yaml", tmpl}, {"p.yaml", phone("p", "Cisco 8845", "001b54aa0102", "dexk")}});
  REQUIRE(typo.diagnostics.size() == 1);
  CHECK(typo.diagnostics[0].message == "no LineKeyTemplate named \"dexk\"; did you mean \"desk\"?");
}

TEST_CASE("template: names are unique, as manifest names and as templateName") {
  auto set = load_texts({{"a.yaml", template_doc("a", "  templateName: Same\n  deviceModel: Cisco 8845\n")},
                         {"b.yaml", template_doc("b", "  templateName: Same\n  deviceModel: Cisco 8845\n")},
                         {"c.yaml", template_doc("a", "  deviceModel: Cisco 8845\n")}});
  std::vector<std::string> expected = {
      "5:17 spec.templateName: templateName \"Same\" is also the name of LineKeyTemplate \"a\" (at "
      "a.yaml:5:17); "
      "Webex needs template names to be unique",
      "3:18 metadata.name: duplicate LineKeyTemplate name \"a\"; first declared at a.yaml:3:18"};
  CHECK(messages(set) == expected);
}

TEST_CASE("template: a template for a model that takes no layout, and one for an unknown model") {
  auto unknown = load_text(template_doc("t", "  deviceModel: Cisco 8846\n"));
  REQUIRE(unknown.diagnostics.size() == 1);
  CHECK(unknown.diagnostics[0].message.rfind("unknown model \"Cisco 8846\"; did you mean", 0) == 0);
  // A phone using it is not blamed for the template's unknown model.
  auto with_phone = load_texts({{"t.yaml", template_doc("t", "  deviceModel: Cisco 8846\n")},
                                {"p.yaml", phone("p", "Cisco 8845", "001b54aa0102", "t")}});
  CHECK(with_phone.diagnostics.size() == 1);
}

TEST_CASE("project: spec.prune.templates") {
  auto off = load_text("apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec: {}\n");
  REQUIRE(messages(off).empty());
  CHECK_FALSE(off.desired.project.prune_templates);
  auto on = load_text(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n"
      "  prune: {templates: true}\n");
  REQUIRE(messages(on).empty());
  CHECK(on.desired.project.prune_templates);
  CHECK_FALSE(on.desired.project.prune_phones.has_value());
  auto bad = load_text(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n"
      "  prune: {templates: yes}\n");
  REQUIRE(bad.diagnostics.size() == 1);  // YAML 1.2: yes is a string
  CHECK(bad.diagnostics[0].field == "spec.prune.templates");
  CHECK_FALSE(bad.desired.project.prune_templates);
}
