#include "manifest/model_lookup.h"

#include "manifest/suggest.h"

namespace wx::manifest {

std::string unknown_model_message(const std::string& model, const ModelCatalog& catalog) {
  std::vector<std::string> names;
  for (const auto& m : catalog.models()) {
    names.push_back(m.display_name);
    names.push_back(m.model);
  }
  std::string message = "unknown model \"" + model + "\"";
  auto close = closest_names(model, names, 3);
  if (!close.empty()) {
    return message + "; did you mean " + quoted_alternatives(close) + "?";
  }
  return message + "; expected a model string such as \"DMS Cisco 9861\" or its display name \"Cisco 9861\"";
}

std::string model_label(const std::string& written, const ModelCatalog& catalog) {
  const DeviceModel* model = catalog.find(written);
  return model != nullptr ? model->display_name : written;
}

}  // namespace wx::manifest
