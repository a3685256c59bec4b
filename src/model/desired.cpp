#include "wxphones/model/desired.h"

namespace wx {

const SourceLocation& DesiredPhone::location_of(const std::string& field) const {
  auto it = field_locations.find(field);
  return it == field_locations.end() ? where : it->second;
}

const SourceLocation& DesiredTemplate::location_of(const std::string& field) const {
  auto it = field_locations.find(field);
  return it == field_locations.end() ? where : it->second;
}

const DesiredTemplate* DesiredState::template_named(const std::string& name) const {
  for (const auto& t : templates) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace wx
