#include "emulator/write_log.h"

#include "emulator/clock.h"
#include "wxphones/util/mac.h"

namespace wx::emulator {

namespace {

std::string string_field(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return "";
  return j[key].get<std::string>();
}

}  // namespace

nlohmann::json created_key(const std::string& operation, const std::string& request_body,
                           const std::string& response_body) {
  const bool device = operation == "POST /devices";
  const bool line_key_template = operation == "POST /telephony/config/devices/lineKeyTemplates";
  if (!device && !line_key_template) return nullptr;
  const auto request = nlohmann::json::parse(request_body, nullptr, false);
  const auto response = nlohmann::json::parse(response_body, nullptr, false);
  if (device) {
    std::string mac = string_field(request, "mac");
    if (auto normal = normalize_mac(mac)) mac = *normal;
    return {{"kind", "device"}, {"mac", mac}, {"id", string_field(response, "id")}};
  }
  return {{"kind", "lineKeyTemplate"},
          {"name", string_field(request, "templateName")},
          {"id", string_field(response, "id")}};
}

void WriteLog::record(WriteRecord record) {
  std::lock_guard lock(m_mutex);
  if (m_records.size() >= kMaxRecords) {
    m_records.pop_front();
    ++m_dropped;
  }
  m_records.push_back(std::move(record));
}

void WriteLog::clear() {
  std::lock_guard lock(m_mutex);
  m_records.clear();
  m_dropped = 0;
}

nlohmann::json WriteLog::to_json() const {
  std::lock_guard lock(m_mutex);
  auto items = nlohmann::json::array();
  for (const auto& r : m_records) {
    nlohmann::json j = {
        {"method", r.method},
        {"path", r.path},
        {"operation", r.operation},
        {"status", r.status},
        {"handledStatus", r.handled_status ? nlohmann::json(*r.handled_status) : nlohmann::json(nullptr)},
        {"fault", r.fault.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.fault)},
        {"at", iso8601(r.at_ms)},
        {"write", r.write}};
    if (!r.created.is_null()) j["created"] = r.created;
    items.push_back(std::move(j));
  }
  return {{"items", items}, {"dropped", m_dropped}};
}

}  // namespace wx::emulator
