#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wxphones/model/live.h"

namespace wx::exporter {

// Turning what Webex holds into manifests (`wxphones export`). Pure: no I/O. The documents are
// written so that planning them against the same organisation gives no changes, and only values
// that differ from their defaults (or the parent scope) appear, so an adopted repository is small.

// Documents keep the key order they were built in (apiVersion, kind, metadata, spec, ...).
using Document = nlohmann::ordered_json;

struct ExportedFile {
  std::string name;                   // "HQ.yaml", "templates.yaml", "project.yaml", "settings.yaml"
  std::vector<std::string> comments;  // written at the top: what was left out and why
  std::vector<Document> documents;
};

struct ExportResult {
  std::vector<ExportedFile> files;  // in a stable order
  int phones = 0;
  int skipped = 0;
};

// `live` holds the selected locations (all of them when none was asked for), the phones in them,
// and what the reader found about each (layouts, members, settings). People are keyed by email.
// `selected_locations`: names; empty = every location in `live`.
ExportResult build_export(const LiveState& live, const std::vector<std::string>& selected_locations);

// "alice-8851": the owner's email local part (or workspace name) and the model number, lower-case,
// with anything but letters and digits turned into '-'.
std::string phone_base_name(const std::string& owner, const std::string& model_display_name);

// Names made unique in order of appearance: "alice-8851", "alice-8851-2", ...
std::vector<std::string> unique_names(const std::vector<std::string>& base_names);

// A file name for a location: its name with '/' and other unsafe characters replaced.
std::string location_file_name(const std::string& location_name);

// The leaves of `value` that differ from `parent` (recursively for objects): what a scope sets on
// top of the one above it. Returns an empty object when nothing differs.
nlohmann::json differing_leaves(const nlohmann::json& value, const nlohmann::json& parent);

}  // namespace wx::exporter
