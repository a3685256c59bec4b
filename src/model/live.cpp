#include "wxphones/model/live.h"

namespace wx {

const Location* LiveState::location_by_id(const std::string& id) const {
  for (const auto& l : locations) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

const Location* LiveState::location_by_name(const std::string& name) const {
  for (const auto& l : locations) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

}  // namespace wx
