#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "wxphones/cli/command.h"
#include "wxphones/manifest/validate.h"

namespace wx::cli {

void add_validate_command(CLI::App& app, CommandAction& action) {
  auto* command = app.add_subcommand("validate", "Check manifests offline: schema, names, MACs, models");
  auto root = std::make_shared<std::string>();
  command->add_option("DIR", *root, "Directory (searched recursively for *.yaml, *.yml) or a single file")
      ->required();
  command->callback(
      [root, &action] { action = [root] { return validate_manifests(*root, std::cout, std::cerr); }; });
}

}  // namespace wx::cli
