#include "emulator/hoteling.h"

#include <cmath>

namespace wx::emulator {

std::optional<std::string> parse_hoteling(const nlohmann::json& body, Hoteling& h, bool require_enabled) {
  if (!body.is_object())
    return "The hoteling settings must be an object {enabled, limitGuestUse, guestHoursLimit}.";
  Hoteling next = h;
  if (auto it = body.find("enabled"); it != body.end() && !it->is_null()) {
    if (!it->is_boolean()) return "enabled must be a boolean.";
    next.enabled = it->get<bool>();
  } else if (require_enabled) {
    return "enabled is required.";
  }
  if (auto it = body.find("limitGuestUse"); it != body.end() && !it->is_null()) {
    if (!it->is_boolean()) return "limitGuestUse must be a boolean.";
    next.limit_guest_use = it->get<bool>();
  }
  if (auto it = body.find("guestHoursLimit"); it != body.end() && !it->is_null()) {
    if (!it->is_number() || std::floor(it->get<double>()) != it->get<double>()) {
      return "guestHoursLimit must be a whole number of hours.";
    }
    double hours = it->get<double>();
    if (hours < kMinGuestHours || hours > kMaxGuestHours) {
      return "guestHoursLimit must be from " + std::to_string(kMinGuestHours) + " to " +
             std::to_string(kMaxGuestHours) + ", got " + it->dump() + ".";
    }
    next.guest_hours_limit = static_cast<int>(hours);
  }
  h = next;
  return std::nullopt;
}

nlohmann::json hoteling_json(const Hoteling& h) {
  return {
      {"enabled", h.enabled}, {"limitGuestUse", h.limit_guest_use}, {"guestHoursLimit", h.guest_hours_limit}};
}

}  // namespace wx::emulator
