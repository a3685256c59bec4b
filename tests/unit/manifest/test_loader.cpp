#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>

#include "manifest_test_support.h"
#include "wxphones/manifest/kind_registry.h"

namespace fs = std::filesystem;

namespace {

const char* kPhone =
    "apiVersion: wxphones/v1\n"
    "kind: Phone\n"
    "metadata: {name: NAME}\n"
    "spec:\n"
    "  model: DMS Cisco 9861\n"
    "  mac: MAC\n"
    "  owner: {person: a@acme.example}\n";

std::string phone(const std::string& name, const std::string& mac) {
  std::string text = kPhone;
  text.replace(text.find("NAME"), 4, name);
  text.replace(text.find("MAC"), 3, mac);
  return text;
}

struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("wx-manifest-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative, std::ios::binary) << text;
  }
};

}  // namespace

TEST_CASE("loader: walks a directory in path order, skipping hidden entries and other files") {
  TempDir dir;
  dir.write("b/two.yml", phone("two", "00:00:00:00:00:02"));
  dir.write("a.yaml", phone("one", "00:00:00:00:00:01") + "---\n" + phone("three", "00:00:00:00:00:03"));
  dir.write(".hidden/broken.yaml", "a: [");
  dir.write("b/.draft.yaml", "a: [");
  dir.write("notes.txt", "a: [");
  wx::ManifestSet set = wx::load_manifests(dir.path);
  CHECK(set.diagnostics.empty());
  CHECK(set.files == 2);
  CHECK(set.documents == 3);
  CHECK(set.kinds["Phone"] == 3);
  REQUIRE(set.desired.phones.size() == 3);
  CHECK(set.desired.phones[0].name == "one");
  CHECK(set.desired.phones[1].name == "three");
  CHECK(set.desired.phones[2].name == "two");
  // Files are named as the caller spelled the root, joined with the relative path.
  CHECK(set.desired.phones[2].where.file == (dir.path / "b" / "two.yml").string());
  CHECK(set.desired.phones[2].where == wx::SourceLocation{(dir.path / "b/two.yml").string(), 2, 1});
}

TEST_CASE("loader: a single file, a missing root, an empty directory") {
  TempDir dir;
  dir.write("one.yaml", phone("one", "00:00:00:00:00:01"));
  auto single = wx::load_manifests(dir.path / "one.yaml");
  CHECK(single.diagnostics.empty());
  CHECK(single.files == 1);

  auto missing = wx::load_manifests(dir.path / "nope");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message == "no such file or directory");

  fs::create_directories(dir.path / "empty");
  auto empty = wx::load_manifests(dir.path / "empty");
  REQUIRE(empty.diagnostics.size() == 1);
  CHECK(empty.diagnostics[0].message == "no manifests (*.yaml, *.yml) found here");
}

TEST_CASE("loader: files over 8 MiB are refused without being parsed") {
  TempDir dir;
  std::string big = phone("one", "00:00:00:00:00:01") + "# " + std::string(8u * 1024u * 1024u, 'x') + "\n";
  dir.write("big.yaml", big);
  auto set = wx::load_manifests(dir.path);
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].where.line == 0);
  CHECK(set.diagnostics[0].message ==
        "file is " + std::to_string(big.size()) + " bytes; a manifest may be at most 8 MiB");
  CHECK(set.desired.phones.empty());
}

TEST_CASE("loader: field locations of a phone are recorded for plan-time diagnostics") {
  auto set = wx::test::load_text(phone("one", "00:1b:54:aa:01:02") + "  tags: [a, b]\n");
  REQUIRE(set.diagnostics.empty());
  REQUIRE(set.desired.phones.size() == 1);
  const wx::DesiredPhone& p = set.desired.phones[0];
  CHECK(p.mac == "001B54AA0102");
  CHECK(p.location_of("metadata.name") == wx::SourceLocation{"m.yaml", 3, 18});
  CHECK(p.location_of("spec.model") == wx::SourceLocation{"m.yaml", 5, 10});
  CHECK(p.location_of("spec.mac") == wx::SourceLocation{"m.yaml", 6, 8});
  CHECK(p.location_of("spec.owner") == wx::SourceLocation{"m.yaml", 7, 10});
  CHECK(p.location_of("spec.owner.person") == wx::SourceLocation{"m.yaml", 7, 19});
  CHECK(p.location_of("spec.tags") == wx::SourceLocation{"m.yaml", 8, 9});
  CHECK(p.location_of("spec.tags[1]") == wx::SourceLocation{"m.yaml", 8, 13});
  CHECK(p.owner.where == p.location_of("spec.owner.person"));
  CHECK(p.location_of("spec.unknown") == p.where);
}

TEST_CASE("loader: the kind registry is open to new kinds") {
  wx::manifest::KindRegistry registry = wx::manifest::KindRegistry::builtin();
  std::vector<std::string> seen;
  registry.add({"Thing", "project.schema.json",
                [&seen](const wx::manifest::ManifestDocument& doc, wx::manifest::DecodeContext&) {
                  seen.push_back(doc.name);
                },
                nullptr});
  wx::LoadOptions options;
  options.kinds = &registry;
  // project.schema.json stands in for Thing's schema: its `kind` const then fails, which proves the
  // registered schema file is the one used.
  auto set = wx::test::load_text("apiVersion: wxphones/v1\nkind: Thing\nmetadata: {name: t}\n", options);
  CHECK(seen == std::vector<std::string>{"t"});
  CHECK(set.kinds["Thing"] == 1);
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].field == "kind");
  CHECK(wx::manifest::KindRegistry::builtin().names() ==
        std::vector<std::string>{"Project", "Phone", "LineKeyTemplate", "DeviceSettings", "WorkspaceDevices",
                                 "PersonDevices"});
}

TEST_CASE("loader: diagnostics are sorted by file order and position") {
  auto set =
      wx::test::load_texts({{"b.yaml", phone("x", "bad")}, {"a.yaml", phone("x", "00:00:00:00:00:01")}});
  REQUIRE(set.diagnostics.size() == 2);
  CHECK(set.diagnostics[0].where.file == "b.yaml");  // read first
  CHECK(set.diagnostics[1].where.file == "a.yaml");
  CHECK(set.diagnostics[1].message.find("first declared at b.yaml:3:18") != std::string::npos);
}
