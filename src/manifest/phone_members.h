#pragma once
#include <optional>
#include <vector>

#include "wxphones/manifest/kind_registry.h"

namespace wx::manifest {

// spec.members: the phone's lines besides its owner's, each {person: EMAIL} or {workspace: NAME}
// with port, lineType, lineLabel, hotline and call-decline settings. Checked here: one of person or
// workspace, ports 2..numberOfLinePorts (port 1 is the owner's), no port or member twice, the owner
// not listed, hotlineDestination iff hotlineEnabled, room for every member. nullopt when absent.
std::optional<std::vector<MemberSpec>> decode_phone_members(const ManifestDocument& doc, DecodeContext& ctx,
                                                            const nlohmann::json& spec,
                                                            const DeviceModel* model, const OwnerRef& owner);

}  // namespace wx::manifest
