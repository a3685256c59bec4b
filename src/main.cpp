#include "wxphones/cli/app.h"

int main(int argc, char** argv) {
  return wx::cli::run(argc, argv);
}
