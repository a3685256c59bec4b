#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "wxphones/manifest/source_map.h"
#include "wxphones/schema/json_schema.h"
#include "wxphones/util/diagnostic.h"

namespace wx::manifest {

// A schema compiled into the binary (schemas/*.json), parsed once; nullptr when there is no such
// file or it is not valid JSON.
const schema::SchemaDocument* embedded_schema(const std::string& file);

// Checks a document against its kind's schema and turns each failure into a diagnostic at the
// offending place: an unknown field at its key (with the closest allowed name), a missing field
// at the object that lacks it, anything else at the value.
Diagnostics check_schema(const nlohmann::json& document, const SourceMap& locations,
                         const schema::SchemaDocument& schema);

}  // namespace wx::manifest
