#include "wxphones/plan/action.h"

namespace wx {

std::string_view glyph(Action action) {
  switch (action) {
    case Action::Create:
      return "+";
    case Action::Update:
      return "~";
    case Action::Replace:
      return "-/+";
    case Action::Delete:
      return "-";
    case Action::Wait:
      return "…";
    case Action::Run:
      return ">";
  }
  return "?";
}

std::string_view verb(Action action) {
  switch (action) {
    case Action::Create:
      return "create";
    case Action::Update:
      return "update";
    case Action::Replace:
      return "replace";
    case Action::Delete:
      return "delete";
    case Action::Wait:
      return "wait";
    case Action::Run:
      return "run";
  }
  return "?";
}

}  // namespace wx
