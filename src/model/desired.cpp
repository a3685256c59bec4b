#include "wxphones/model/desired.h"

namespace wx {

namespace {

const SourceLocation& location_in(const std::map<std::string, SourceLocation>& locations,
                                  const std::string& field, const SourceLocation& fallback) {
  auto it = locations.find(field);
  return it == locations.end() ? fallback : it->second;
}

}  // namespace

const SourceLocation& DesiredPhone::location_of(const std::string& field) const {
  return location_in(field_locations, field, where);
}

const SourceLocation& DesiredTemplate::location_of(const std::string& field) const {
  return location_in(field_locations, field, where);
}

const SourceLocation& DesiredScopeSettings::location_of(const std::string& field) const {
  return location_in(field_locations, field, where);
}

const SourceLocation& DesiredOwnerDevices::location_of(const std::string& field) const {
  return location_in(field_locations, field, where);
}

const DesiredTemplate* DesiredState::template_named(const std::string& name) const {
  for (const auto& t : templates) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace wx
