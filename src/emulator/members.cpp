#include "emulator/members.h"

#include <algorithm>
#include <set>

namespace wx::emulator {

namespace {

nlohmann::json location_json(const State& state, const std::string& uuid) {
  const auto* l = state.location_by_uuid(uuid);
  return {{"id", make_id("LOCATION", uuid)}, {"name", l != nullptr ? l->name : std::string()}};
}

std::string line_port(const State& state, const std::string& uuid) {
  return uuid.substr(0, 8) + "@" + state.org.uuid.substr(0, 8) + ".emulator.webex.local";
}

// Reads one optional member field, refusing a wrong JSON type.
template <typename T>
bool read_field(const nlohmann::json& item, const char* key, T& field, std::string& error,
                const std::string& who) {
  auto it = item.find(key);
  if (it == item.end() || it->is_null()) return true;
  bool ok = false;
  if constexpr (std::is_same_v<T, bool>) {
    ok = it->is_boolean();
  } else if constexpr (std::is_same_v<T, int>) {
    ok =
        it->is_number_integer() ||
        (it->is_number_float() && it->template get<double>() == static_cast<int>(it->template get<double>()));
  } else {
    ok = it->is_string();
  }
  if (!ok) {
    error = std::string("Invalid ") + key + " for member " + who + ".";
    return false;
  }
  if constexpr (std::is_same_v<T, int>) {
    field = static_cast<int>(it->template get<double>());
  } else {
    field = it->template get<T>();
  }
  return true;
}

}  // namespace

const MemberExtra& extra_of(const State& state, const std::string& uuid) {
  static const MemberExtra defaults;
  auto it = state.org.config.extras.find(uuid);
  return it == state.org.config.extras.end() ? defaults : it->second;
}

namespace {

Candidate person_candidate(const State& state, const Person& p) {
  const auto& extra = extra_of(state, p.uuid);
  return {p.uuid,      "PEOPLE",        p.first_name,
          p.last_name, p.display_name,  extra.phone_number,
          p.extension, p.location_uuid, extra.shared_line_eligible};
}

// A workspace has no first/last name; Webex puts the display name in firstName (as owner{}).
Candidate workspace_candidate(const State& state, const Workspace& w) {
  const auto& extra = extra_of(state, w.uuid);
  return {w.uuid,
          "PLACE",
          w.display_name,
          "",
          w.display_name,
          extra.phone_number,
          extra.extension,
          w.location_uuid,
          extra.shared_line_eligible};
}

}  // namespace

std::vector<Candidate> candidates(const State& state) {
  std::vector<Candidate> out;
  for (const auto& p : state.org.people) out.push_back(person_candidate(state, p));
  for (const auto& w : state.org.workspaces) out.push_back(workspace_candidate(state, w));
  return out;
}

// One candidate by uuid, without building the list (members are read once per phone).
std::optional<Candidate> candidate_of(const State& state, const std::string& uuid) {
  for (const auto& p : state.org.people) {
    if (p.uuid == uuid) return person_candidate(state, p);
  }
  for (const auto& w : state.org.workspaces) {
    if (w.uuid == uuid) return workspace_candidate(state, w);
  }
  return std::nullopt;
}

nlohmann::json candidate_json(const State& state, const Candidate& c) {
  nlohmann::json j = {
      {"id", make_id(c.member_type, c.uuid)}, {"firstName", c.first_name}, {"lastName", c.last_name}};
  if (!c.phone_number.empty()) j["phoneNumber"] = c.phone_number;
  j["t38FaxCompressionEnabled"] = false;
  j["lineType"] = "SHARED_CALL_APPEARANCE";
  j["allowCallDeclineEnabled"] = true;
  j["memberType"] = c.member_type;
  j["location"] = location_json(state, c.location_uuid);
  return j;
}

MemberLine owner_line(const Device& device) {
  MemberLine line;
  line.member_uuid = device.person_uuid.empty() ? device.workspace_uuid : device.person_uuid;
  line.member_type = device.person_uuid.empty() ? "PLACE" : "PEOPLE";
  line.port = 1;
  line.line_type = "PRIMARY";
  line.primary_owner = true;
  return line;
}

std::vector<MemberLine> members_of(const State&, const Device& device) {
  if (device.config.members.empty()) return {owner_line(device)};
  return device.config.members;
}

nlohmann::json members_json(const State& state, const Device& device) {
  const auto* model = state.model_of(device);
  auto list = nlohmann::json::array();
  for (const auto& m : members_of(state, device)) {
    const auto c = candidate_of(state, m.member_uuid);
    if (!c) continue;  // not in the org any more
    nlohmann::json j = {{"id", make_id(m.member_type, m.member_uuid)},
                        {"firstName", c->first_name},
                        {"lastName", c->last_name}};
    if (!c->phone_number.empty()) j["phoneNumber"] = c->phone_number;
    if (!c->extension.empty()) j["extension"] = c->extension;
    j["primaryOwner"] = m.primary_owner;
    j["port"] = m.port;
    j["t38FaxCompressionEnabled"] = m.t38_fax_compression_enabled;
    j["lineType"] = m.line_type;
    j["lineWeight"] = m.line_weight;
    j["hotlineEnabled"] = m.hotline_enabled;
    j["hotlineDestination"] = m.hotline_destination;
    j["allowCallDeclineEnabled"] = m.allow_call_decline_enabled;
    if (m.line_label) j["lineLabel"] = *m.line_label;
    j["linePort"] = line_port(state, m.primary_owner ? device.uuid : m.member_uuid);
    j["memberType"] = m.member_type;
    j["location"] = location_json(state, c->location_uuid);
    list.push_back(std::move(j));
  }
  return {{"model", device.model},
          {"members", list},
          {"maxLineCount", model != nullptr ? model->number_of_line_ports : 0}};
}

std::optional<std::string> parse_members(const State& state, const Device& device, const nlohmann::json& body,
                                         bool check_available, std::vector<MemberLine>& out) {
  if (!body.is_null() && !body.is_object()) return "The body must be a JSON object {members:[...]}.";
  nlohmann::json list = nlohmann::json::array();
  if (body.is_object() && body.contains("members") && !body["members"].is_null()) list = body["members"];
  if (!list.is_array()) return "members must be an array.";
  const auto* model = state.model_of(device);
  const int max_lines = model != nullptr ? model->number_of_line_ports : 0;
  const auto owner = owner_line(device);

  std::vector<MemberLine> lines;
  std::set<std::string> seen;
  bool owner_listed = false;
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
      return "Each member needs a string id.";
    }
    const auto id = item["id"].get<std::string>();
    MemberLine line;
    std::optional<Candidate> c;
    if (auto uuid = uuid_of(id, "PEOPLE", "PERSON")) {
      c = candidate_of(state, *uuid);
    } else if (auto place = uuid_of(id, "PLACE", "PLACES")) {
      c = candidate_of(state, *place);
    }
    if (!c) return "Member " + id + " is not a person or workspace of this organization.";
    line.member_uuid = c->uuid;
    line.member_type = c->member_type;
    const std::string who = id + " (" + c->display_name + ")";
    if (!seen.insert(c->uuid).second) return "Member " + who + " is listed more than once.";
    if (!item.contains("port")) return "Member " + who + " needs a port.";
    std::string error;
    bool primary_owner = false;
    if (!read_field(item, "port", line.port, error, who) ||
        !read_field(item, "lineWeight", line.line_weight, error, who) ||
        !read_field(item, "lineType", line.line_type, error, who) ||
        !read_field(item, "primaryOwner", primary_owner, error, who) ||
        !read_field(item, "t38FaxCompressionEnabled", line.t38_fax_compression_enabled, error, who) ||
        !read_field(item, "hotlineEnabled", line.hotline_enabled, error, who) ||
        !read_field(item, "hotlineDestination", line.hotline_destination, error, who) ||
        !read_field(item, "allowCallDeclineEnabled", line.allow_call_decline_enabled, error, who)) {
      return error;
    }
    if (item.contains("lineLabel") && !item["lineLabel"].is_null()) {
      if (!item["lineLabel"].is_string()) return "Invalid lineLabel for member " + who + ".";
      line.line_label = item["lineLabel"].get<std::string>();
    }
    if (line.line_type != "PRIMARY" && line.line_type != "SHARED_CALL_APPEARANCE") {
      return "Invalid lineType '" + line.line_type + "' for member " + who +
             ": expected PRIMARY or SHARED_CALL_APPEARANCE.";
    }
    const bool is_owner = c->uuid == owner.member_uuid;
    if (is_owner) {
      owner_listed = true;
      if (line.port != 1) return "The primary owner " + who + " must be on port 1.";
      // The example body sends the owner as SHARED_CALL_APPEARANCE: Webex keeps it PRIMARY.
      line.line_type = "PRIMARY";
      line.primary_owner = true;
    } else {
      if (line.line_type == "PRIMARY")
        return "Only the device owner can have lineType PRIMARY, not " + who + ".";
      if (primary_owner) return "Only the device owner can be primaryOwner, not " + who + ".";
      if (check_available && !c->eligible) return "Member " + who + " is not available for this device.";
    }
    if (line.line_weight < 1) return "Invalid lineWeight for member " + who + ": expected 1 or more.";
    if (line.hotline_enabled && line.hotline_destination.empty()) {
      return "Member " + who + " has hotlineEnabled without a hotlineDestination.";
    }
    lines.push_back(std::move(line));
  }
  if (!owner_listed) lines.push_back(owner);
  std::sort(lines.begin(), lines.end(),
            [](const MemberLine& a, const MemberLine& b) { return a.port < b.port; });
  int next_free = 1;
  for (const auto& line : lines) {
    const auto c = candidate_of(state, line.member_uuid);
    const std::string who =
        make_id(line.member_type, line.member_uuid) + " (" + (c ? c->display_name : std::string()) + ")";
    const int last = line.port + line.line_weight - 1;
    if (line.port < 1 || last > max_lines) {
      return "Port " + std::to_string(line.port) + " (lineWeight " + std::to_string(line.line_weight) +
             ") of member " + who + " is outside 1.." + std::to_string(max_lines) + " for " + device.model +
             ".";
    }
    if (line.port < next_free) {
      return "Port " + std::to_string(line.port) + " of member " + who + " overlaps another line.";
    }
    next_free = last + 1;
  }
  out = std::move(lines);
  return std::nullopt;
}

}  // namespace wx::emulator
