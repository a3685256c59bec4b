// conformance_check --openapi-dir DIR FILE.jsonl...
// Checks recorded emulator traffic against Cisco's OpenAPI descriptions (with the calibrations of
// WEBEX_API.md §12-14). Exit 0: no findings; 1: findings; 2: usage or input error; 77: descriptions absent.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "wxphones/conformance/checker.h"
#include "wxphones/conformance/report.h"

namespace {

constexpr int kSkipped = 77;

int usage() {
  std::cerr << "usage: conformance_check --openapi-dir DIR [--max-examples N] [--no-calibration]\n"
               "                         [--no-undeclared-fields] FILE.jsonl...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path openapi_dir;
  std::vector<std::filesystem::path> files;
  wx::conformance::CheckOptions options;
  std::size_t max_examples = 20;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--openapi-dir" && i + 1 < argc) {
      openapi_dir = argv[++i];
    } else if (arg == "--max-examples" && i + 1 < argc) {
      max_examples = std::stoul(argv[++i]);
    } else if (arg == "--no-calibration") {
      options.apply_calibration = false;
    } else if (arg == "--no-undeclared-fields") {
      options.report_undeclared_fields = false;
    } else if (arg == "-h" || arg == "--help") {
      usage();
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage();
    } else {
      files.emplace_back(arg);
    }
  }
  if (openapi_dir.empty() || files.empty()) {
    return usage();
  }
  if (!std::filesystem::is_directory(openapi_dir)) {
    std::cout << "SKIPPED: OpenAPI descriptions not found at " << openapi_dir.string() << "\n";
    return kSkipped;
  }
  try {
    wx::conformance::LoadOptions load;
    load.apply_calibration = options.apply_calibration;
    const auto descriptions = wx::conformance::OpenApiSet::load_directory(openapi_dir, load);
    const wx::conformance::ConformanceChecker checker(descriptions, options);
    wx::conformance::Report report;
    for (const auto& file : files) {
      for (const auto& exchange : wx::conformance::read_traffic_file(file)) {
        report.add(exchange, checker.check(exchange));
      }
    }
    std::cout << "Descriptions: " << descriptions.document_count() << " files in " << openapi_dir.string()
              << "; traffic: " << files.size() << " file(s)\n";
    report.print(std::cout, descriptions.operations().size(), max_examples);
    if (report.exchanges() == 0) {
      std::cout << "FAILED: the traffic files hold no exchanges (nothing was recorded?)\n";
      return 1;
    }
    std::cout << (report.finding_count() == 0 ? "PASSED" : "FAILED") << ": " << report.exchanges()
              << " exchanges, " << report.finding_count() << " findings\n";
    return report.finding_count() == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "conformance_check: " << e.what() << "\n";
    return 2;
  }
}
