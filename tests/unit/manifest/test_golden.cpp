// Golden tests: every directory under tests/bad-manifests/ is loaded as `wxphones validate` would
// and its printed diagnostics must equal expected.txt exactly. WX_UPDATE_GOLDEN=1 rewrites them
// (review each by eye). A case may carry catalog.json ({devices:[...]}) to replace the built-in
// model catalog, for rules the built-in models never trigger.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "manifest_test_support.h"
#include "wxphones/manifest/validate.h"

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

TEST_CASE("bad manifests print exactly their golden diagnostics") {
  namespace fs = std::filesystem;
  wx::test::ScopedCwd cwd(WX_SOURCE_DIR);
  const bool update = std::getenv("WX_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator("tests/bad-manifests")) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 20);
  for (const auto& dir : cases) {
    CAPTURE(dir.string());
    wx::ModelCatalog catalog;
    wx::LoadOptions options;
    if (fs::exists(dir / "catalog.json")) {
      catalog =
          wx::ModelCatalog::from_supported_devices(nlohmann::json::parse(read_file(dir / "catalog.json")));
      options.catalog = &catalog;
    }
    std::ostringstream out;
    std::ostringstream err;
    int code = wx::validate_manifests(dir, out, err, options);
    CHECK(code == 1);
    CHECK(out.str().empty());
    const fs::path golden = dir / "expected.txt";
    if (update) {
      std::ofstream(golden, std::ios::binary) << err.str();
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(golden), "missing " << golden.string() << " (run with WX_UPDATE_GOLDEN=1)");
    CHECK(err.str() == read_file(golden));
  }
}

TEST_CASE("the good fixture validates cleanly") {
  wx::test::ScopedCwd cwd(WX_SOURCE_DIR);
  std::ostringstream out;
  std::ostringstream err;
  CHECK(wx::validate_manifests("tests/fixtures/manifests/good", out, err) == 0);
  CHECK(err.str() == "");
  CHECK(out.str() == "valid: 7 objects in 5 files (1 Project, 5 Phone, 1 LineKeyTemplate)\n");
}

TEST_CASE("the acme example validates cleanly") {
  wx::test::ScopedCwd cwd(WX_SOURCE_DIR);
  std::ostringstream out;
  std::ostringstream err;
  CHECK(wx::validate_manifests("examples/acme", out, err) == 0);
  CHECK(err.str() == "");
  CHECK(out.str().find("1 DeviceSettings") != std::string::npos);
}
