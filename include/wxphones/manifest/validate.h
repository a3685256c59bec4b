#pragma once
#include <filesystem>
#include <ostream>

#include "wxphones/manifest/loader.h"

namespace wx {

// `wxphones validate ROOT`: loads and checks offline, prints every diagnostic and a summary line
// ("3 errors in 2 files") to `err`; when valid, prints "valid: 7 objects in 3 files (1 Project,
// 6 Phone)" to `out`. Returns the exit code: 0 valid, 1 invalid.
int validate_manifests(const std::filesystem::path& root, std::ostream& out, std::ostream& err,
                       const LoadOptions& options = {});

}  // namespace wx
