#include "emulator/server.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <stdexcept>
#include <thread>

#include "emulator/errors.h"
#include "emulator/fault_response.h"
#include "emulator/lifecycle.h"
#include "emulator/routes.h"

namespace wx::emulator {

namespace {

constexpr std::string_view kApiPrefix = "/v1";
constexpr std::string_view kControlPrefix = "/_emulator/";
constexpr std::size_t kThreads = 32;  // keep-alive connections each hold a worker

// cpp-httplib's compiled library listens with a backlog of 5: a client opening 16 connections
// at once loses SYNs and waits a second to retransmit. Linux lets listen() be called again on the
// bound socket to widen the backlog; find it among our descriptors by its port.
void widen_listen_backlog(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t size = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening == 0) continue;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    int bound = 0;
    if (address.ss_family == AF_INET) bound = ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
    if (address.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
    if (bound == port) ::listen(fd, SOMAXCONN);
  }
}

// PUT /_emulator/latency: {ms?, jitterMs?}, at least one, each a non-negative integer.
bool read_latency(const nlohmann::json& body, std::optional<int>& ms, std::optional<int>& jitter_ms) {
  if (!body.is_object() || (!body.contains("ms") && !body.contains("jitterMs"))) return false;
  for (const auto& [key, out] : {std::pair{"ms", &ms}, std::pair{"jitterMs", &jitter_ms}}) {
    if (!body.contains(key)) continue;
    if (!body[key].is_number_integer() || body[key].get<int>() < 0) return false;
    *out = body[key].get<int>();
  }
  return true;
}

}  // namespace

Server::Server(State& state, ServerOptions options)
    : m_state(state),
      m_options(std::move(options)),
      m_latency_ms(m_options.latency_ms),
      m_latency_jitter_ms(m_options.latency_jitter_ms),
      m_faults(m_options.fault_seed),
      m_limiter(m_options.rate_limit_rps, m_options.rate_limit_burst),
      m_tokens(m_state.org.access_tokens, m_state.org.oauth_client) {
  if (!m_options.traffic_log_path.empty()) m_log = std::make_unique<TrafficLog>(m_options.traffic_log_path);
  add_device_routes(m_api);
  add_telephony_device_routes(m_api);
  add_people_routes(m_api);
  add_workspace_routes(m_api);
  add_location_routes(m_api);
  add_supported_device_routes(m_api);
  add_layout_routes(m_api);
  add_line_key_template_routes(m_api);
  add_device_job_routes(m_api);
  add_settings_routes(m_api);
  add_config_routes(m_api);
  add_message_routes(m_api, m_control);
  add_control_routes(m_control, m_stats, m_faults);
  add_settings_control_routes(m_control);
  add_config_control_routes(m_control);
  add_token_control_routes(m_control, m_tokens);
  for (auto& fault : m_options.faults) m_faults.add(fault);
  m_control.add("PUT", "/_emulator/latency", [this](Context& ctx) {
    std::optional<int> ms, jitter_ms;
    if (!read_latency(nlohmann::json::parse(ctx.req.body, nullptr, false), ms, jitter_ms)) {
      send_error(ctx.res, 400, "Expected {\"ms\", \"jitterMs\"}: one or both, non-negative integers.");
      return;
    }
    if (ms) m_latency_ms = *ms;
    if (jitter_ms) m_latency_jitter_ms = *jitter_ms;
    ctx.send_json(200, {{"ms", m_latency_ms.load()}, {"jitterMs", m_latency_jitter_ms.load()}});
  });
  m_control.add("GET", "/_emulator/writes", [this](Context& ctx) { ctx.send_json(200, m_writes.to_json()); });
  m_control.add("DELETE", "/_emulator/writes", [this](Context& ctx) {
    m_writes.clear();
    ctx.send_no_content();
  });

  m_http.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  m_http.set_keep_alive_max_count(1000);
  m_http.set_tcp_nodelay(true);  // without it every keep-alive response waits ~40 ms for Nagle
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  m_http.Get(".*", handler);
  m_http.Post(".*", handler);
  m_http.Put(".*", handler);
  m_http.Patch(".*", handler);
  m_http.Delete(".*", handler);
}

Server::~Server() {
  stop();
}

int Server::bind(const std::string& host, int port) {
  int bound = port;
  if (port == 0) {
    bound = m_http.bind_to_any_port(host);
    if (bound <= 0) throw std::runtime_error("cannot bind an ephemeral port on " + host);
  } else if (!m_http.bind_to_port(host, port)) {
    throw std::runtime_error("cannot bind " + host + ":" + std::to_string(port));
  }
  widen_listen_backlog(bound);
  return bound;
}

void Server::serve() {
  m_http.listen_after_bind();
}

void Server::stop() {
  m_http.stop();
}

void Server::handle(const httplib::Request& req, httplib::Response& res) {
  try {
    if (req.path.rfind(kControlPrefix, 0) == 0) {
      handle_control(req, res);
    } else {
      handle_api(req, res);
    }
  } catch (const std::exception& e) {
    send_error(res, 500, std::string("Emulator error: ") + e.what());
  }
}

void Server::handle_control(const httplib::Request& req, httplib::Response& res) {
  auto match = m_control.match(req.method, req.path);
  if (match.handler == nullptr) {
    send_error(res, match.other_method ? 405 : 404, "No control operation " + req.method + " " + req.path);
    return;
  }
  std::lock_guard lock(m_state.mutex);
  settle(m_state);
  Context ctx{req, res, m_state, std::move(match.params), req.path};
  (*match.handler)(ctx);
}

bool Server::authorized(const httplib::Request& req, std::string& token) {
  auto header = req.get_header_value("Authorization");
  constexpr std::string_view bearer = "Bearer ";
  if (header.size() <= bearer.size() || header.compare(0, bearer.size(), bearer) != 0) return false;
  token = header.substr(bearer.size());
  return m_tokens.accept(token);
}

bool Server::org_accepted(const httplib::Request& req) const {
  if (!req.has_param("orgId")) return true;
  auto value = req.get_param_value("orgId");
  auto uuid = uuid_of(value, "ORGANIZATION");
  return (uuid && *uuid == m_state.org.uuid) || value == m_state.org.uuid;
}

void Server::add_latency() {
  const int latency = m_latency_ms.load() + m_faults.jitter(m_latency_jitter_ms.load());
  if (latency > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency));
}

void Server::handle_api(const httplib::Request& req, httplib::Response& res) {
  add_latency();
  std::string api_path;
  if (req.path.rfind(kApiPrefix, 0) == 0 &&
      (req.path.size() == kApiPrefix.size() || req.path[kApiPrefix.size()] == '/')) {
    api_path = req.path.substr(kApiPrefix.size());
  }
  auto match = api_path.empty() ? Router::Match{} : m_api.match(req.method, api_path);
  // Unmatched calls are counted under their raw path, so a test sees a client's wrong URL.
  const std::string operation =
      !match.path_template.empty() ? match.path_template : (api_path.empty() ? req.path : api_path);
  m_stats.record(req.method, operation);

  std::optional<int> handled_status;  // for the write log
  std::string handled_body;
  std::string fault_kind;
  auto respond = [&] {
    if (api_path == "/access_token" && req.method == "POST") {
      answer_token_request(req, res, m_tokens);
      return;
    }
    std::string token;
    if (!authorized(req, token)) {
      send_error(res, 401,
                 "The request requires a valid access token set in the Authorization request header.");
      return;
    }
    if (auto refusal = m_limiter.take(token)) {
      res.status = 429;
      res.set_header("Retry-After", std::to_string(refusal->retry_after_seconds));
      if (refusal->with_body) send_error(res, 429, reason_phrase(429));
      return;
    }
    // A fault answers instead of the operation, or (afterHandling) after it: the change happened
    // but the client never learns so, as when a response is lost.
    auto draw = m_faults.take(req.method, match.path_template, api_path);
    for (const auto& kind : draw.kinds) m_stats.record_fault(kind);
    if (!draw.kinds.empty()) fault_kind = draw.kinds.back();
    if (draw.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(draw.delay_ms));
    if (draw.fault && answer_instead(*draw.fault, res)) return;
    if (match.handler == nullptr) {
      if (match.other_method) {
        send_error(res, 405, "Request method '" + req.method + "' not supported");
      } else {
        send_error(res, 404, reason_phrase(404));
      }
      return;
    }
    if (!org_accepted(req)) {
      send_error(res, 403, "The orgId is not an organization this token may manage.");
      return;
    }
    {
      std::lock_guard lock(m_state.mutex);
      settle(m_state);
      Context ctx{req, res, m_state, std::move(match.params), api_path};
      (*match.handler)(ctx);
    }
    handled_status = res.status;
    if (req.method == "POST") handled_body = res.body;
    if (draw.fault) alter_response(*draw.fault, res);  // outside the state lock: it may sleep
  };
  try {
    respond();
  } catch (const std::exception& e) {
    send_error(res, 500, std::string("Emulator error: ") + e.what());
  }
  if (!connection_dropped(res)) log_exchange(req, res, api_path.empty() ? req.path : api_path);
  if (req.method != "GET" && req.method != "HEAD") {
    record_write(req, res, operation, api_path.empty() ? req.path : api_path, handled_status, handled_body,
                 fault_kind);
  }
}

void Server::record_write(const httplib::Request& req, const httplib::Response& res,
                          const std::string& operation, const std::string& api_path,
                          std::optional<int> handled_status, const std::string& handled_body,
                          const std::string& fault) {
  WriteRecord r;
  r.method = req.method;
  r.path = api_path;
  r.operation = req.method + " " + operation;
  r.status = connection_dropped(res) ? 0 : res.status;
  r.handled_status = handled_status;
  r.fault = fault;
  r.at_ms = m_state.clock.now_ms();
  r.write = is_write(req.method, operation);
  if (handled_status && *handled_status >= 200 && *handled_status < 300) {
    r.created = created_key(r.operation, req.body, handled_body);
  }
  m_writes.record(std::move(r));
}

void Server::log_exchange(const httplib::Request& req, const httplib::Response& res,
                          const std::string& api_path) {
  if (!m_log) return;
  Exchange e;
  e.method = req.method;
  e.path = api_path;
  for (const auto& [k, v] : req.params) e.query.emplace_back(k, v);
  e.request_content_type = req.get_header_value("Content-Type");
  e.request_body = req.body;
  e.status = res.status;
  e.response_content_type = res.get_header_value("Content-Type");
  e.response_body = res.body;
  if (api_path == "/access_token") {  // the log is a file on disk: no client secret or token in it
    e.request_body = redacted_token_request(e.request_body);
    e.response_body = redacted_token_response(e.response_body);
    // httplib merges form fields into params; keep only what the URL itself carried (also redacted).
    e.query.clear();
    const auto mark = req.target.find('?');
    if (mark != std::string::npos) {
      for (const auto& [k, v] : parse_form(req.target.substr(mark + 1))) {
        e.query.emplace_back(k, k == "client_secret" || k == "refresh_token" ? "REDACTED" : v);
      }
    }
  }
  m_log->write(e);
}

}  // namespace wx::emulator
