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

// The same for one value inside a document (at JSON Pointer `base`) checked against the schema at
// `schema_pointer` of another file, e.g. a phone's customizations against customizations.schema.json:
// our validator follows only local references, so such parts are checked by their decoder.
Diagnostics check_schema_at(const nlohmann::json& value, const std::string& base, const SourceMap& locations,
                            const schema::SchemaDocument& schema, const std::string& schema_pointer);

}  // namespace wx::manifest
