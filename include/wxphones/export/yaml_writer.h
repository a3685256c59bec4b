#pragma once
#include <string>

#include "wxphones/export/export_documents.h"

namespace wx::exporter {

// One manifest file as YAML text (yaml-cpp emitter): its comments, then its documents separated by
// `---`, keys in the order the documents hold them. Strings that YAML would read back as another
// type ("5000", "true", "") are quoted, so a dynamic setting stays a string; small objects of
// scalars (line keys, owners) are written in flow style.
std::string to_yaml(const ExportedFile& file);

}  // namespace wx::exporter
