#include "wxphones/model/device_members.h"

namespace wx {

bool DeviceMember::same_line(const DeviceMember& other) const {
  return id == other.id && port == other.port && line_type == other.line_type &&
         primary_owner == other.primary_owner && hotline_enabled == other.hotline_enabled &&
         (!hotline_enabled || hotline_destination == other.hotline_destination) &&
         allow_call_decline_enabled == other.allow_call_decline_enabled &&
         line_label.value_or("") == other.line_label.value_or("");
}

}  // namespace wx
