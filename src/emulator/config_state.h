#pragma once
// Owned by the device-configuration work (deviceConfigurations, members, available members,
// hoteling, person/workspace devices). state.h embeds these structs in Device and Org.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx::emulator {

// One line on a phone (WEBEX_API §6.3), as stored after a members PUT. The member is a person
// (PEOPLE) or a workspace (PLACE) of the org, by uuid.
struct MemberLine {
  std::string member_uuid;
  std::string member_type = "PEOPLE";  // PEOPLE | PLACE
  int port = 1;
  std::string line_type = "SHARED_CALL_APPEARANCE";  // PRIMARY | SHARED_CALL_APPEARANCE
  int line_weight = 1;
  bool primary_owner = false;
  bool t38_fax_compression_enabled = false;
  bool hotline_enabled = false;
  std::string hotline_destination;
  bool allow_call_decline_enabled = true;
  std::optional<std::string> line_label;
};

struct DeviceConfigState {
  // deviceConfigurations: key -> configured value (typed per valueSpace). Absent = default.
  std::map<std::string, nlohmann::json> configured;
  // Every line sorted by port, the owner's PRIMARY line included. Empty = never set: the owner
  // alone on port 1 (members_of() in members.h fills it in).
  std::vector<MemberLine> members;
};

// What the emulator knows of a person or workspace beyond state.h (seed or control API).
struct MemberExtra {
  bool shared_line_eligible = true;
  std::string phone_number;  // E.164 or empty
  std::string extension;     // workspaces only; people use Person::extension
};

struct OrgConfigState {
  std::map<std::string, MemberExtra> extras;  // by person or workspace uuid
};

}  // namespace wx::emulator
