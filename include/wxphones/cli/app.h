#pragma once

namespace wx::cli {

// The whole command line. Returns the process exit code.
int run(int argc, char** argv);

}  // namespace wx::cli
