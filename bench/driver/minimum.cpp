#include "minimum.h"

#include "wxphones/webex/page_sizes.h"

namespace wx::bench {

namespace {

// A list endpoint answers at least one page, even when empty.
int pages(int items, int page_size) {
  return items <= page_size ? 1 : (items + page_size - 1) / page_size;
}

}  // namespace

int Minimum::total() const {
  int sum = 0;
  for (const auto& p : parts) {
    sum += p.requests;
  }
  return sum;
}

Minimum minimum_noop_requests(const BenchOrg& org) {
  Minimum m;
  // The model catalog: one call, it is not paged.
  m.parts.push_back({"GET /telephony/config/supportedDevices", 1});
  // Everything phones and owners resolve against, listed org-wide rather than looked up per owner:
  // at the largest page size each endpoint takes (include/wxphones/webex/page_sizes.h).
  m.parts.push_back({"GET /locations", pages(static_cast<int>(org.locations.size()), page_size::kLocations)});
  m.parts.push_back({"GET /people", pages(org.people, page_size::kPeople)});
  m.parts.push_back({"GET /workspaces", pages(org.workspaces, page_size::kWorkspaces)});
  m.parts.push_back({"GET /devices", pages(org.phone_count, page_size::kDevices)});
  // Templates: the list is one page; each declared template's keys are one GET (the list has none).
  m.parts.push_back({"GET /telephony/config/devices/lineKeyTemplates", 1});
  m.parts.push_back({"GET /telephony/config/devices/lineKeyTemplates/{templateId}",
                     static_cast<int>(org.templates.size())});
  // One read per declared aspect of each phone: no bulk read of these exists.
  int layouts = 0, members = 0, customizations = 0, dynamic = 0, configurations = 0;
  for (const auto& p : org.phones) {
    layouts += p.layout != LayoutKind::None ? 1 : 0;
    members += p.member ? 1 : 0;
    customizations += p.customizations ? 1 : 0;
    dynamic += p.dynamic_settings ? 1 : 0;
    configurations += p.configurations ? 1 : 0;
  }
  m.parts.push_back({"GET /telephony/config/devices/{deviceId}/layout", layouts});
  m.parts.push_back({"GET /telephony/config/devices/{deviceId}/members", members});
  m.parts.push_back({"GET /telephony/config/devices/{deviceId}/settings", customizations});
  m.parts.push_back(
      {"POST /telephony/config/lists/devices/{deviceId}/dynamicSettings/actions/getSettings/invoke",
       dynamic});
  m.parts.push_back({"GET /deviceConfigurations", configurations});
  // One read per declared scope aspect: the org's customizations and its dynamic settings (one
  // family), and each declared location's customizations.
  m.parts.push_back({"GET /telephony/config/devices/settings", 1});
  m.parts.push_back({"POST /telephony/config/lists/devices/dynamicSettings/actions/getSettings/invoke", 1});
  // Declared dynamic values are checked against the org's validation schema: one read for the
  // family the bench declares them for (Cisco 9800).
  m.parts.push_back({"GET /telephony/config/devices/dynamicSettings/validationSchema", dynamic > 0 ? 1 : 0});
  m.parts.push_back({"GET /telephony/config/locations/{locationId}/devices/settings",
                     static_cast<int>(org.settings_locations.size())});
  return m;
}

}  // namespace wx::bench
