#pragma once
#include <string>
#include <vector>

#include "emulator/faults.h"

namespace wx::emulator {

// Faults active from the start, in the format of POST /_emulator/faults.

// Each text is one fault object or an array (`--fault JSON`, the content of `--faults FILE`).
// Throws std::runtime_error naming the bad text.
std::vector<Fault> faults_from_texts(const std::vector<std::string>& texts);

// The seed's optional `faults:` list (YAML, same fields). Throws std::runtime_error.
std::vector<Fault> faults_from_seed(const std::string& yaml_text);

}  // namespace wx::emulator
