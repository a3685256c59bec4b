#pragma once
#include <map>
#include <string>

#include "wxphones/model/live.h"

namespace wx {

// A digest of every live object a plan was made from, keyed by a name people can read
// ("phone 001B54AA0003", "layout of 001B54AA0003", "settings of location HQ"). A saved plan
// records them; apply compares them with a fresh read and names the objects that changed.
std::map<std::string, std::string> live_digests(const LiveState& live);

}  // namespace wx
