#include "emulator/faults.h"

namespace wx::emulator {

namespace {

// Larger bodies are a mistake in a test rather than a useful hostile answer.
constexpr std::size_t kMaxHugeBodyBytes = 256u * 1024 * 1024;

bool has_answer(const Fault& f) {
  return f.status != 0 || f.close_connection || f.body.has_value() || f.huge_body_bytes > 0 || f.empty_body ||
         !f.headers.empty();
}

void read_fields(const nlohmann::json& body, Fault& f) {
  f.operation = body.value("operation", "");
  f.path_prefix = body.value("pathPrefix", "");
  f.method = body.value("method", "");
  f.status = body.value("status", 0);
  // A fault that fires by chance is meant to keep firing: unlimited unless counted.
  const bool by_chance = body.contains("probability") && !body["probability"].is_null();
  f.count = body.value("count", by_chance ? -1 : 1);
  if (by_chance) f.probability = body["probability"].get<double>();
  if (body.contains("retryAfter") && !body["retryAfter"].is_null()) {
    f.retry_after = body["retryAfter"].get<int>();
  }
  f.empty_body = body.value("emptyBody", false);
  f.close_connection = body.value("closeConnection", false);
  f.after_handling = body.value("afterHandling", false);
  f.delay_ms = body.value("delayMs", 0);
  f.jitter_ms = body.value("jitterMs", 0);
  if (body.contains("body") && !body["body"].is_null()) f.body = body["body"].get<std::string>();
  f.content_type = body.value("contentType", f.content_type);
  if (body.contains("headers") && !body["headers"].is_null()) {
    for (const auto& [name, value] : body["headers"].items())
      f.headers.emplace_back(name, value.get<std::string>());
  }
  if (body.contains("hugeBodyBytes") && !body["hugeBodyBytes"].is_null()) {
    f.huge_body_bytes = body["hugeBodyBytes"].get<std::size_t>();
  }
}

std::optional<std::string> check(const Fault& f) {
  if (f.status != 0 && (f.status < 100 || f.status > 599)) return "status must be an HTTP status code";
  if (f.status == 0 && f.delay_ms <= 0 && f.jitter_ms <= 0 && !has_answer(f)) {
    return "a fault needs a status, delayMs, jitterMs, closeConnection, body, headers, hugeBodyBytes or "
           "emptyBody";
  }
  if (f.count == 0 || f.count < -1) return "count must be positive, or -1 for unlimited";
  if (!(f.probability >= 0.0 && f.probability <= 1.0)) return "probability must be between 0 and 1";
  if (f.delay_ms < 0 || f.jitter_ms < 0) return "delayMs and jitterMs must not be negative";
  if (f.retry_after && *f.retry_after < 0) return "retryAfter must not be negative";
  if (f.body && (f.huge_body_bytes > 0 || f.empty_body)) return "body excludes hugeBodyBytes and emptyBody";
  if (f.huge_body_bytes > kMaxHugeBodyBytes) return "hugeBodyBytes is at most 268435456";
  return std::nullopt;
}

}  // namespace

bool Fault::only_delays() const {
  return !has_answer(*this) && retry_after == std::nullopt;
}

bool Fault::runs_operation() const {
  const bool answers_instead =
      status != 0 || close_connection || body.has_value() || huge_body_bytes > 0 || empty_body;
  return after_handling || (!answers_instead && !only_delays());
}

std::string Fault::kind() const {
  if (close_connection) return "closeConnection";
  if (status != 0) return std::to_string(status);
  if (body) return "body";
  if (huge_body_bytes > 0) return "hugeBody";
  if (empty_body) return "emptyBody";
  if (!headers.empty()) return "headers";
  return "delay";
}

std::optional<Fault> Fault::from_json(const nlohmann::json& body, std::string& error) {
  if (!body.is_object()) {
    error = "a fault is a JSON object";
    return std::nullopt;
  }
  Fault f;
  try {
    read_fields(body, f);
  } catch (const nlohmann::json::exception& e) {
    error = std::string("bad fault field: ") + e.what();
    return std::nullopt;
  }
  // Accept "GET /devices" as an operation too.
  if (auto space = f.operation.find(' '); space != std::string::npos) {
    if (f.method.empty()) f.method = f.operation.substr(0, space);
    f.operation = f.operation.substr(space + 1);
  }
  if (auto problem = check(f)) {
    error = *problem;
    return std::nullopt;
  }
  return f;
}

std::optional<std::vector<Fault>> Fault::list_from_json(const nlohmann::json& body, std::string& error) {
  const auto list = body.is_array() ? body : nlohmann::json::array({body});
  std::vector<Fault> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto fault = from_json(list[i], error);
    if (!fault) {
      if (list.size() > 1) error = "fault " + std::to_string(i + 1) + ": " + error;
      return std::nullopt;
    }
    out.push_back(std::move(*fault));
  }
  return out;
}

nlohmann::json Fault::to_json() const {
  nlohmann::json out = {{"operation", operation},
                        {"pathPrefix", path_prefix},
                        {"method", method},
                        {"status", status},
                        {"count", count},
                        {"probability", probability},
                        {"emptyBody", empty_body},
                        {"closeConnection", close_connection},
                        {"afterHandling", after_handling},
                        {"delayMs", delay_ms},
                        {"jitterMs", jitter_ms},
                        {"hugeBodyBytes", huge_body_bytes}};
  out["retryAfter"] = retry_after ? nlohmann::json(*retry_after) : nlohmann::json(nullptr);
  if (body) {
    out["body"] = *body;
    out["contentType"] = content_type;
  }
  if (!headers.empty()) {
    out["headers"] = nlohmann::json::object();
    for (const auto& [name, value] : headers) out["headers"][name] = value;
  }
  return out;
}

FaultSet::FaultSet(std::uint64_t seed) : m_random(seed) {}

void FaultSet::reseed(std::uint64_t seed) {
  std::lock_guard lock(m_mutex);
  m_random.seed(seed);
}

void FaultSet::add(Fault fault) {
  std::lock_guard lock(m_mutex);
  m_faults.push_back(std::move(fault));
}

void FaultSet::clear() {
  std::lock_guard lock(m_mutex);
  m_faults.clear();
}

bool FaultSet::chance(double probability) {
  if (probability >= 1.0) return true;
  if (probability <= 0.0) return false;
  return std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < probability;
}

int FaultSet::uniform(int max) {
  if (max <= 0) return 0;
  return std::uniform_int_distribution<int>(0, max)(m_random);
}

FaultDraw FaultSet::take(std::string_view method, std::string_view path_template, std::string_view path) {
  FaultDraw draw;
  std::lock_guard lock(m_mutex);
  for (auto it = m_faults.begin(); it != m_faults.end();) {
    const bool matches =
        (it->method.empty() || it->method == method) &&
        (it->operation.empty() || it->operation == path_template) &&
        (it->path_prefix.empty() || path.substr(0, it->path_prefix.size()) == it->path_prefix);
    if (!matches || !chance(it->probability)) {
      ++it;
      continue;
    }
    Fault fired = *it;
    fired.delay_ms += uniform(fired.jitter_ms);
    fired.jitter_ms = 0;
    draw.kinds.push_back(fired.kind());
    if (it->count > 0 && --it->count == 0) {
      it = m_faults.erase(it);
    } else {
      ++it;
    }
    if (fired.only_delays()) {
      draw.delay_ms += fired.delay_ms;
      continue;
    }
    draw.fault = std::move(fired);
    break;
  }
  return draw;
}

int FaultSet::jitter(int max_ms) {
  if (max_ms <= 0) return 0;  // the common case takes no lock
  std::lock_guard lock(m_mutex);
  return uniform(max_ms);
}

nlohmann::json FaultSet::to_json() const {
  std::lock_guard lock(m_mutex);
  auto out = nlohmann::json::array();
  for (const auto& f : m_faults) out.push_back(f.to_json());
  return out;
}

}  // namespace wx::emulator
