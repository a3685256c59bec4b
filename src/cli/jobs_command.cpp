#include <CLI/CLI.hpp>

#include "wxphones/cli/command.h"

namespace wx::cli {

// Not built yet (issue 5): registers nothing.
void add_jobs_command(CLI::App&, CommandAction&) {}

}  // namespace wx::cli
