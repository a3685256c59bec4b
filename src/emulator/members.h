#pragma once
// Lines on a phone (WEBEX_API §6.3) and who may be put there (§6.4). Shared by the API routes,
// the control API, the seed and the person/workspace device listings.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/state.h"

namespace wx::emulator {

// The stored lines, or the owner alone on port 1 when none were ever set. Sorted by port.
std::vector<MemberLine> members_of(const State& state, const Device& device);
MemberLine owner_line(const Device& device);

// GET .../members body: {model, maxLineCount, members:[...]}.
nlohmann::json members_json(const State& state, const Device& device);

// Parses a PUT .../members body (full replacement: no members = the owner alone) into `out`.
// `check_available` (the API) also refuses members that are not shared-line eligible.
// Returns a Webex-style message naming the member on a bad body.
std::optional<std::string> parse_members(const State& state, const Device& device, const nlohmann::json& body,
                                         bool check_available, std::vector<MemberLine>& out);

// A person or workspace of the org as a possible line (SearchMemberObject, §6.4).
struct Candidate {
  std::string uuid;
  std::string member_type;  // PEOPLE | PLACE
  std::string first_name;
  std::string last_name;
  std::string display_name;
  std::string phone_number;
  std::string extension;
  std::string location_uuid;
  bool eligible = true;
};
std::vector<Candidate> candidates(const State& state);
std::optional<Candidate> candidate_of(const State& state, const std::string& uuid);  // person, then workspace
nlohmann::json candidate_json(const State& state, const Candidate& c);

const MemberExtra& extra_of(const State& state, const std::string& uuid);

}  // namespace wx::emulator
