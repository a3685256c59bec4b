#include "emulator/traffic_log.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace wx::emulator {

namespace {

nlohmann::json body_value(const std::string& body) {
  if (body.empty()) return nullptr;
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) return body;
  return parsed;
}

}  // namespace

TrafficLog::TrafficLog(const std::string& path) : m_out(path, std::ios::app) {
  if (!m_out) throw std::runtime_error("cannot open traffic log " + path);
}

void TrafficLog::write(const Exchange& exchange) {
  auto query = nlohmann::json::array();
  for (const auto& [k, v] : exchange.query) query.push_back({k, v});
  nlohmann::json line = {{"method", exchange.method},
                         {"path", exchange.path},
                         {"query", query},
                         {"requestContentType", exchange.request_content_type},
                         {"requestBody", body_value(exchange.request_body)},
                         {"status", exchange.status},
                         {"responseContentType", exchange.response_content_type},
                         {"responseBody", body_value(exchange.response_body)}};
  // Replace invalid UTF-8 instead of throwing: a log line must never take the server down.
  auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard lock(m_mutex);
  m_out << text << '\n';
  m_out.flush();
}

}  // namespace wx::emulator
