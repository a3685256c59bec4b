#include "emulator/state.h"

#include <algorithm>
#include <cctype>

#include "wxphones/util/mac.h"

namespace wx::emulator {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

template <typename T, typename Pred>
T* find_in(std::vector<T>& items, Pred pred) {
  auto it = std::find_if(items.begin(), items.end(), pred);
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

Device* State::device_by_id(std::string_view id) {
  auto uuid = uuid_of(id, "DEVICE", "CALLING_DEVICE");
  return uuid ? device_by_uuid(*uuid) : nullptr;
}

Device* State::device_by_uuid(std::string_view uuid) {
  return find_in(org.devices, [&](const Device& d) { return iequals(d.uuid, uuid); });
}

Device* State::device_by_mac(std::string_view mac_any_format) {
  auto mac = normalize_mac(mac_any_format);
  if (!mac) return nullptr;
  return find_in(org.devices, [&](const Device& d) { return d.mac == *mac; });
}

Person* State::person_by_id(std::string_view id) {
  auto uuid = uuid_of(id, "PEOPLE", "PERSON");
  return uuid ? person_by_uuid(*uuid) : nullptr;
}

Person* State::person_by_uuid(std::string_view uuid) {
  return find_in(org.people, [&](const Person& p) { return iequals(p.uuid, uuid); });
}

Person* State::person_by_email(std::string_view email) {
  return find_in(org.people, [&](const Person& p) { return iequals(p.email, email); });
}

Workspace* State::workspace_by_id(std::string_view id) {
  auto uuid = uuid_of(id, "PLACE", "PLACES");
  return uuid ? workspace_by_uuid(*uuid) : nullptr;
}

Workspace* State::workspace_by_uuid(std::string_view uuid) {
  return find_in(org.workspaces, [&](const Workspace& w) { return iequals(w.uuid, uuid); });
}

Workspace* State::workspace_by_name(std::string_view display_name) {
  return find_in(org.workspaces, [&](const Workspace& w) { return w.display_name == display_name; });
}

Location* State::location_by_id(std::string_view id) {
  auto uuid = uuid_of(id, "LOCATION");
  return uuid ? location_by_uuid(*uuid) : nullptr;
}

Location* State::location_by_uuid(std::string_view uuid) {
  return find_in(org.locations, [&](const Location& l) { return iequals(l.uuid, uuid); });
}

Location* State::location_by_name(std::string_view name) {
  return find_in(org.locations, [&](const Location& l) { return l.name == name; });
}

ActivationCode* State::activation_code(std::string_view code) {
  return find_in(org.activation_codes, [&](const ActivationCode& c) { return c.code == code; });
}

LineKeyTemplate* State::template_by_id(std::string_view id) {
  auto uuid = uuid_of(id, "DEVICE_LINE_KEY_TEMPLATE");
  if (!uuid) return nullptr;
  return find_in(org.line_key_templates, [&](const LineKeyTemplate& t) { return iequals(t.uuid, *uuid); });
}

DeviceJob* State::job_by_id(std::string_view id, std::string_view family) {
  auto uuid = uuid_of(id, "JOB_ID");
  if (!uuid) return nullptr;
  return find_in(org.jobs, [&](const DeviceJob& j) { return j.family == family && iequals(j.uuid, *uuid); });
}

const Person* State::person_by_uuid(std::string_view uuid) const {
  return const_cast<State*>(this)->person_by_uuid(uuid);
}

const Workspace* State::workspace_by_uuid(std::string_view uuid) const {
  return const_cast<State*>(this)->workspace_by_uuid(uuid);
}

const Location* State::location_by_uuid(std::string_view uuid) const {
  return const_cast<State*>(this)->location_by_uuid(uuid);
}

bool State::remove_device(std::string_view uuid_view) {
  const std::string uuid(uuid_view);  // the view may point into the device being erased
  auto before = org.devices.size();
  std::erase_if(org.devices, [&](const Device& d) { return iequals(d.uuid, uuid); });
  std::erase_if(org.activation_codes, [&](const ActivationCode& c) { return iequals(c.device_uuid, uuid); });
  return org.devices.size() != before;
}

bool State::phone_os(const Device& device) const {
  const auto* model = model_of(device);
  return model != nullptr && model->phone_os();
}

bool State::visible_in_devices_api(const Device& device) const {
  return !(org.lifecycle.phone_os_webex_aware_after_online && phone_os(device) && !device.ever_online);
}

}  // namespace wx::emulator
