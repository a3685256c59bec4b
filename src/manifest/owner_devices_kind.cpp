// kinds: WorkspaceDevices and PersonDevices — the hoteling host settings of an owner's devices
// (WEBEX_API.md §6.12). A Phone's `hoteling` sets the same thing for the phone's owner.
#include <cctype>
#include <map>
#include <utility>

#include "manifest/builtin_kinds.h"
#include "manifest/json_access.h"
#include "manifest/settings_checks.h"

namespace wx::manifest {

namespace {

void decode_owner_devices(const ManifestDocument& doc, DecodeContext& ctx, OwnerRef::Kind kind) {
  DesiredOwnerDevices out;
  out.name = doc.name;
  out.where = doc.kind_location();
  out.field_locations = doc.field_locations();
  out.owner.kind = kind;
  const nlohmann::json* spec = member_of(doc.body, "spec");
  if (spec == nullptr || !spec->is_object()) {
    return;  // the schema reports it
  }
  const char* key = kind == OwnerRef::Kind::Person ? "person" : "workspace";
  const std::string* owner = string_member(*spec, key);
  if (owner == nullptr) {
    return;  // missing or not a string: the schema reports it
  }
  out.owner.name = *owner;
  out.owner.where = doc.at(std::string("/spec/") + key);
  if (const nlohmann::json* hoteling = member_of(*spec, "hoteling");
      hoteling != nullptr && hoteling->is_object()) {
    out.hoteling = decode_hoteling(*hoteling);
  }
  ctx.desired.owner_devices.push_back(std::move(out));
}

std::pair<OwnerRef::Kind, std::string> identity(const OwnerRef& ref) {
  std::string name = ref.name;
  if (ref.kind == OwnerRef::Kind::Person) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return {ref.kind, name};
}

std::string owner_text(const OwnerRef& ref) {
  return ref.kind == OwnerRef::Kind::Person ? "person " + ref.name : "workspace \"" + ref.name + "\"";
}

// An owner's hoteling is one setting: declared once, by a *Devices document or by one Phone.
void check_owners_together(DecodeContext& ctx) {
  struct First {
    std::string what;
    SourceLocation where;
  };
  std::map<std::pair<OwnerRef::Kind, std::string>, First> seen;
  auto declare = [&](const OwnerRef& owner, const std::string& what, const SourceLocation& where,
                     const std::string& field) {
    auto [it, inserted] = seen.emplace(identity(owner), First{what, where});
    if (!inserted) {
      ctx.error(where, field,
                "the hoteling of " + owner_text(owner) + " is already declared by " + it->second.what +
                    " (at " + location_text(it->second.where) + "); declare it once");
    }
  };
  for (const DesiredOwnerDevices& devices : ctx.desired.owner_devices) {
    const bool person = devices.owner.kind == OwnerRef::Kind::Person;
    declare(devices.owner,
            std::string(person ? "PersonDevices" : "WorkspaceDevices") + " \"" + devices.name + "\"",
            devices.owner.where, person ? "spec.person" : "spec.workspace");
  }
  for (const DesiredPhone& phone : ctx.desired.phones) {
    if (phone.hoteling && !phone.owner.name.empty()) {
      declare(phone.owner, "Phone \"" + phone.name + "\"", phone.location_of("spec.hoteling"),
              "spec.hoteling");
    }
  }
}

}  // namespace

void add_owner_devices_kinds(KindRegistry& registry) {
  registry.add(KindHandler{"WorkspaceDevices", "workspace-devices.schema.json",
                           [](const ManifestDocument& doc, DecodeContext& ctx) {
                             decode_owner_devices(doc, ctx, OwnerRef::Kind::Workspace);
                           },
                           check_owners_together});
  registry.add(KindHandler{"PersonDevices", "person-devices.schema.json",
                           [](const ManifestDocument& doc, DecodeContext& ctx) {
                             decode_owner_devices(doc, ctx, OwnerRef::Kind::Person);
                           },
                           nullptr});
}

}  // namespace wx::manifest
