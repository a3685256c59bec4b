#include "emulator/faults.h"

namespace wx::emulator {

std::optional<Fault> Fault::from_json(const nlohmann::json& body, std::string& error) {
  if (!body.is_object()) {
    error = "a fault is a JSON object";
    return std::nullopt;
  }
  Fault f;
  try {
    f.operation = body.value("operation", "");
    f.path_prefix = body.value("pathPrefix", "");
    f.method = body.value("method", "");
    f.status = body.value("status", 0);
    f.count = body.value("count", 1);
    if (body.contains("retryAfter") && !body["retryAfter"].is_null())
      f.retry_after = body["retryAfter"].get<int>();
    f.empty_body = body.value("emptyBody", false);
    f.close_connection = body.value("closeConnection", false);
    f.after_handling = body.value("afterHandling", false);
    f.delay_ms = body.value("delayMs", 0);
  } catch (const nlohmann::json::exception& e) {
    error = std::string("bad fault field: ") + e.what();
    return std::nullopt;
  }
  // Accept "GET /devices" as an operation too.
  if (auto space = f.operation.find(' '); space != std::string::npos) {
    if (f.method.empty()) f.method = f.operation.substr(0, space);
    f.operation = f.operation.substr(space + 1);
  }
  if (f.status != 0 && (f.status < 100 || f.status > 599)) {
    error = "status must be an HTTP status code";
    return std::nullopt;
  }
  if (f.status == 0 && f.delay_ms <= 0 && !f.close_connection) {
    error = "a fault needs a status, delayMs or closeConnection";
    return std::nullopt;
  }
  if (f.count == 0 || f.count < -1) {
    error = "count must be positive, or -1 for unlimited";
    return std::nullopt;
  }
  return f;
}

nlohmann::json Fault::to_json() const {
  nlohmann::json out = {{"operation", operation},
                        {"pathPrefix", path_prefix},
                        {"method", method},
                        {"status", status},
                        {"count", count},
                        {"emptyBody", empty_body},
                        {"closeConnection", close_connection},
                        {"afterHandling", after_handling},
                        {"delayMs", delay_ms}};
  out["retryAfter"] = retry_after ? nlohmann::json(*retry_after) : nlohmann::json(nullptr);
  return out;
}

void FaultSet::add(Fault fault) {
  std::lock_guard lock(m_mutex);
  m_faults.push_back(std::move(fault));
}

void FaultSet::clear() {
  std::lock_guard lock(m_mutex);
  m_faults.clear();
}

std::optional<Fault> FaultSet::take(std::string_view method, std::string_view path_template,
                                    std::string_view path) {
  std::lock_guard lock(m_mutex);
  for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
    if (!it->method.empty() && it->method != method) continue;
    if (!it->operation.empty() && it->operation != path_template) continue;
    if (!it->path_prefix.empty() && path.substr(0, it->path_prefix.size()) != it->path_prefix) continue;
    Fault fired = *it;
    if (it->count > 0 && --it->count == 0) m_faults.erase(it);
    return fired;
  }
  return std::nullopt;
}

nlohmann::json FaultSet::to_json() const {
  std::lock_guard lock(m_mutex);
  auto out = nlohmann::json::array();
  for (const auto& f : m_faults) out.push_back(f.to_json());
  return out;
}

}  // namespace wx::emulator
