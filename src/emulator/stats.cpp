#include "emulator/stats.h"

#include <array>

namespace wx::emulator {

namespace {

// POST operations that only read. Keep every such exception here.
constexpr std::array<std::string_view, 5> kReadOnlyActions = {
    "/telephony/config/devices/actions/validateMacs/invoke",
    "/telephony/config/devices/actions/previewApplyLineKeyTemplate/invoke",
    "/telephony/config/lists/devices/dynamicSettings/actions/getSettings/invoke",
    "/telephony/config/lists/locations/{locationId}/devices/dynamicSettings/actions/getSettings/invoke",
    "/telephony/config/lists/devices/{deviceId}/dynamicSettings/actions/getSettings/invoke",
};

}  // namespace

bool is_write(std::string_view method, std::string_view path_template) {
  if (method != "POST" && method != "PUT" && method != "PATCH" && method != "DELETE") return false;
  for (auto action : kReadOnlyActions) {
    if (action == path_template) return false;
  }
  return true;
}

void Stats::record(std::string_view method, std::string_view path_template) {
  std::string key = std::string(method) + " " + std::string(path_template);
  std::lock_guard lock(m_mutex);
  ++m_requests[key];
  ++m_total;
  if (is_write(method, path_template)) {
    ++m_writes[key];
    ++m_total_writes;
  } else {
    ++m_reads[key];
  }
}

void Stats::record_fault(std::string_view kind) {
  std::lock_guard lock(m_mutex);
  ++m_faults[std::string(kind)];
  ++m_total_faults;
}

void Stats::reset() {
  std::lock_guard lock(m_mutex);
  m_faults.clear();
  m_total_faults = 0;
  m_requests.clear();
  m_reads.clear();
  m_writes.clear();
  m_total = 0;
  m_total_writes = 0;
}

nlohmann::json Stats::to_json() const {
  std::lock_guard lock(m_mutex);
  auto object = [](const std::map<std::string, long>& m) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : m) out[k] = v;
    return out;
  };
  return {{"requests", object(m_requests)},    {"reads", object(m_reads)},
          {"writes", object(m_writes)},        {"totalRequests", m_total},
          {"totalWrites", m_total_writes},     {"faultsFired", object(m_faults)},
          {"totalFaultsFired", m_total_faults}};
}

}  // namespace wx::emulator
