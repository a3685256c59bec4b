#include "emulator/router.h"

#include <httplib.h>

#include "emulator/errors.h"

namespace wx::emulator {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    auto next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    if (next > pos) out.emplace_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

std::optional<std::string> Context::query(const std::string& name) const {
  if (!req.has_param(name.c_str())) return std::nullopt;
  return req.get_param_value(name.c_str());
}

std::vector<std::string> Context::query_all(const std::string& name) const {
  std::vector<std::string> out;
  auto range = req.params.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

std::optional<nlohmann::json> Context::json_body() {
  if (req.body.empty()) return nlohmann::json(nullptr);
  auto parsed = nlohmann::json::parse(req.body, nullptr, false);
  if (parsed.is_discarded()) {
    send_error(res, 400, "The request body is not valid JSON.");
    return std::nullopt;
  }
  return parsed;
}

void Context::send_json(int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void Context::send_no_content() {
  res.status = 204;
  res.body.clear();
}

std::string Context::absolute_base() const {
  auto host = req.get_header_value("Host");
  if (host.empty()) host = "127.0.0.1";
  return "http://" + host + "/v1";
}

void Router::add(std::string method, std::string path_template, Handler handler) {
  auto segments = split_path(path_template);
  m_routes.push_back({std::move(method), std::move(path_template), std::move(segments), std::move(handler)});
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  auto segments = split_path(path);
  Match best;
  int best_score = -1;
  bool any_path = false;
  for (const auto& route : m_routes) {
    if (route.segments.size() != segments.size()) continue;
    int score = 0;
    bool ok = true;
    std::map<std::string, std::string> params;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (is_param(route.segments[i])) {
        params[route.segments[i].substr(1, route.segments[i].size() - 2)] = segments[i];
      } else if (route.segments[i] == segments[i]) {
        ++score;  // literal segments beat parameters: /devices/activationCode over /devices/{deviceId}
      } else {
        ok = false;
      }
    }
    if (!ok) continue;
    any_path = true;
    if (route.method != method || score <= best_score) continue;
    best_score = score;
    best.handler = &route.handler;
    best.path_template = route.path_template;
    best.params = std::move(params);
  }
  best.other_method = best.handler == nullptr && any_path;
  return best;
}

}  // namespace wx::emulator
