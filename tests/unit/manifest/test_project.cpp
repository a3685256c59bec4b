#include <doctest/doctest.h>

#include "manifest/duration.h"
#include "manifest_test_support.h"

using namespace std::chrono_literals;

TEST_CASE("project: spec decodes into ProjectSpec") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n  orgId: ORG\n"
      "  prune: {phones: {locations: [HQ, Branch], tag: managed}}\n  waits: {deviceOnline: 1h30m, jobs: "
      "90s}\n");
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.has_project);
  const wx::ProjectSpec& p = set.desired.project;
  CHECK(p.name == "acme");
  CHECK(p.org_id == "ORG");
  REQUIRE(p.prune_phones.has_value());
  CHECK(p.prune_phones->locations == std::vector<std::string>{"HQ", "Branch"});
  CHECK(p.prune_phones->tag == "managed");
  CHECK(p.device_online_wait == 5400s);
  CHECK(p.job_wait == 90s);
  CHECK(p.where == wx::SourceLocation{"m.yaml", 2, 1});
}

TEST_CASE("project: defaults, and no pruning unless asked") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec: {orgId: null}\n");
  REQUIRE(set.diagnostics.empty());
  CHECK_FALSE(set.desired.project.org_id.has_value());
  CHECK_FALSE(set.desired.project.prune_phones.has_value());
  CHECK(set.desired.project.device_online_wait == 30min);
  CHECK(set.desired.project.job_wait == 20min);
  CHECK_FALSE(wx::test::load_text(
                  "apiVersion: wxphones/v1\nkind: Phone\nmetadata: {name: p}\nspec:\n  model: Cisco 9861\n"
                  "  mac: 001b54aa0102\n  owner: {person: a@b.example}\n")
                  .desired.has_project);
}

TEST_CASE("project: only one per repository") {
  auto set =
      wx::test::load_texts({{"a.yaml", "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: a}\n"},
                            {"b.yaml", "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: b}\n"}});
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].where == wx::SourceLocation{"b.yaml", 2, 1});
  CHECK(set.diagnostics[0].message == "only one Project is allowed; \"a\" was first declared at a.yaml:2:1");
  CHECK(set.desired.project.name == "a");
}

TEST_CASE("project: durations") {
  using wx::manifest::parse_duration;
  CHECK(parse_duration("90s") == 90s);
  CHECK(parse_duration("30m") == 30min);
  CHECK(parse_duration("1h") == 1h);
  CHECK(parse_duration("1h30m") == 90min);
  CHECK(parse_duration("2h0m5s") == 7205s);
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("30"));
  CHECK_FALSE(parse_duration("m"));
  CHECK_FALSE(parse_duration("1m1h"));
  CHECK_FALSE(parse_duration("1h1h"));
  CHECK_FALSE(parse_duration("30 m"));
  CHECK_FALSE(parse_duration("99999999999999999999s"));
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: a}\nspec:\n  waits: {deviceOnline: 30 "
      "min}\n");
  REQUIRE(set.diagnostics.size() == 1);  // the schema's pattern failure on the same field is not repeated
  CHECK(set.diagnostics[0].field == "spec.waits.deviceOnline");
  CHECK(set.diagnostics[0].where == wx::SourceLocation{"m.yaml", 5, 25});
}

TEST_CASE("project: rebuildPhones.afterLocationSettings") {
  auto set = wx::test::load_text(
      "apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n"
      "  rebuildPhones: {afterLocationSettings: true}\n");
  REQUIRE(set.diagnostics.empty());
  CHECK(set.desired.project.rebuild_after_location_settings);
  auto defaults = wx::test::load_text("apiVersion: wxphones/v1\nkind: Project\nmetadata: {name: acme}\n");
  CHECK_FALSE(defaults.desired.project.rebuild_after_location_settings);
}
