#pragma once
#include <string>

#include "wxphones/model/device_model.h"

namespace wx::manifest {

// "unknown model "Cisco 9862"; did you mean ...": shared by every kind that names a model.
std::string unknown_model_message(const std::string& model, const ModelCatalog& catalog);

// How a model is named in messages: its display name when the catalog knows it, else as written.
std::string model_label(const std::string& written, const ModelCatalog& catalog);

}  // namespace wx::manifest
