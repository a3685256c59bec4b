#include "manifest/phone_members.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "manifest/json_access.h"

namespace wx::manifest {

namespace {

const std::string kMembers = "/spec/members";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// People are compared by email without case; workspace names as written.
std::pair<OwnerRef::Kind, std::string> identity(const OwnerRef& ref) {
  return {ref.kind, ref.kind == OwnerRef::Kind::Person ? lower(ref.name) : ref.name};
}

std::string member_pointer(std::size_t index, const char* field = nullptr) {
  std::string pointer = pointer_append(kMembers, std::to_string(index));
  return field == nullptr ? pointer : pointer_append(pointer, field);
}

bool read_bool(const nlohmann::json& item, const char* key, bool fallback) {
  const nlohmann::json* value = member_of(item, key);
  return value != nullptr && value->is_boolean() ? value->get<bool>() : fallback;
}

// Reads one list item; false when it names no member (already reported).
bool decode_member(const ManifestDocument& doc, DecodeContext& ctx, const nlohmann::json& item,
                   std::size_t index, const DeviceModel* model, MemberSpec& out) {
  const std::string pointer = member_pointer(index);
  out.where = doc.at(pointer);
  const bool has_person = item.contains("person");
  const bool has_workspace = item.contains("workspace");
  if (has_person && has_workspace) {
    ctx.error(out.where, field_path(pointer),
              "has both person and workspace; a member is exactly one of them");
    return false;
  }
  if (!has_person && !has_workspace) {
    ctx.error(out.where, field_path(pointer), "needs the line's user: {person: EMAIL} or {workspace: NAME}");
    return false;
  }
  const char* key = has_person ? "person" : "workspace";
  const std::string* name = string_member(item, key);
  if (name == nullptr) {
    return false;  // wrong type: the schema says so
  }
  out.member.kind = has_person ? OwnerRef::Kind::Person : OwnerRef::Kind::Workspace;
  out.member.name = *name;
  out.member.where = doc.at(member_pointer(index, key));

  if (const nlohmann::json* port = member_of(item, "port"); port != nullptr && port->is_number_integer()) {
    const long long value = port->get<long long>();
    const int ports = model != nullptr ? model->number_of_line_ports : 0;
    if (model != nullptr && (value < 2 || value > ports)) {
      std::string expected =
          ports >= 2 ? "members take ports 2 to " + std::to_string(ports) + " (port 1 is the owner's)"
                     : "it has no port for a member";
      ctx.error(doc.at(member_pointer(index, "port")), field_path(member_pointer(index, "port")),
                "port " + std::to_string(value) + " is out of range: model \"" + model->display_name +
                    "\" has " + std::to_string(ports) + " line port" + (ports == 1 ? "" : "s") + "; " +
                    expected);
    } else if (value >= 1 && value <= 1000) {
      out.port = static_cast<int>(value);
    }
  }
  if (const std::string* line_type = string_member(item, "lineType")) {
    if (*line_type != "SHARED_CALL_APPEARANCE") {
      ctx.error(doc.at(member_pointer(index, "lineType")), field_path(member_pointer(index, "lineType")),
                "expected SHARED_CALL_APPEARANCE, got \"" + *line_type +
                    "\"; the owner's PRIMARY line is implicit (port 1) and is not listed in members");
    }
  }
  if (const std::string* label = string_member(item, "lineLabel")) {
    out.line_label = *label;
  }
  out.hotline_enabled = read_bool(item, "hotlineEnabled", false);
  out.allow_call_decline_enabled = read_bool(item, "allowCallDeclineEnabled", true);
  const std::string* destination = string_member(item, "hotlineDestination");
  if (destination != nullptr) {
    out.hotline_destination = *destination;
  }
  if (out.hotline_enabled && (destination == nullptr || destination->empty())) {
    ctx.error(
        doc.at(member_pointer(index, "hotlineEnabled")),
        field_path(member_pointer(index, "hotlineDestination")),
        "hotlineEnabled: true needs hotlineDestination, the number the line calls when it goes off hook");
  } else if (!out.hotline_enabled && item.contains("hotlineDestination")) {
    ctx.error(doc.locations.key_location(member_pointer(index, "hotlineDestination")),
              field_path(member_pointer(index, "hotlineDestination")),
              "hotlineDestination is used only with hotlineEnabled: true");
  }
  return true;
}

std::string describe(const OwnerRef& ref) {
  return (ref.kind == OwnerRef::Kind::Person ? "person " : "workspace ") + ref.name;
}

}  // namespace

std::optional<std::vector<MemberSpec>> decode_phone_members(const ManifestDocument& doc, DecodeContext& ctx,
                                                            const nlohmann::json& spec,
                                                            const DeviceModel* model, const OwnerRef& owner) {
  const nlohmann::json* members = member_of(spec, "members");
  if (members == nullptr || !members->is_array()) {
    return std::nullopt;  // absent: lines are not managed; the wrong type is the schema's
  }
  std::vector<MemberSpec> out;
  std::map<int, std::size_t> by_port;
  std::map<std::pair<OwnerRef::Kind, std::string>, std::size_t> by_member;
  for (std::size_t i = 0; i < members->size(); ++i) {
    const nlohmann::json& item = (*members)[i];
    MemberSpec member;
    if (!item.is_object() || !decode_member(doc, ctx, item, i, model, member)) {
      continue;
    }
    const std::string at =
        field_path(member_pointer(i, member.member.kind == OwnerRef::Kind::Person ? "person" : "workspace"));
    if (!owner.name.empty() && identity(owner) == identity(member.member)) {
      ctx.error(member.member.where, at,
                describe(member.member) +
                    " owns this phone; the owner's line (port 1) is implicit, do not list it");
      continue;
    }
    auto [same, inserted] = by_member.emplace(identity(member.member), i);
    if (!inserted) {
      ctx.error(member.member.where, at,
                describe(member.member) + " is already spec.members[" + std::to_string(same->second) +
                    "] (at " + location_text(doc.at(member_pointer(same->second))) +
                    "); a member has one line on a phone");
      continue;
    }
    if (member.port) {
      auto [used, fresh] = by_port.emplace(*member.port, i);
      if (!fresh) {
        ctx.error(doc.at(member_pointer(i, "port")), field_path(member_pointer(i, "port")),
                  "port " + std::to_string(*member.port) + " is already taken by spec.members[" +
                      std::to_string(used->second) + "] (at " +
                      location_text(doc.at(member_pointer(used->second, "port"))) + ")");
      }
    }
    out.push_back(std::move(member));
  }
  if (model != nullptr && !members->empty() &&
      static_cast<int>(members->size()) > model->number_of_line_ports - 1) {
    const int room = std::max(0, model->number_of_line_ports - 1);
    ctx.error(doc.locations.key_location(kMembers), "spec.members",
              std::to_string(members->size()) + " members, but model \"" + model->display_name + "\" has " +
                  std::to_string(model->number_of_line_ports) + " line ports: at most " +
                  std::to_string(room) + (room == 1 ? " member" : " members") + " besides the owner");
  }
  return out;
}

}  // namespace wx::manifest
