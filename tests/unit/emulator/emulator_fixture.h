#pragma once
// An in-process emulator plus an httplib client, for the emulator's unit tests.
#include <cctype>
#include <cstdio>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "wxphones/emulator/emulator.h"

namespace wx::emulator::test {

// A small organisation. Lifecycle delays are long in emulated time: tests move the clock with
// the control API instead of sleeping.
inline const char* kTestSeed = R"(
org: {name: Test Org}
accessTokens: [good-token]
lifecycle:
  macOnlineAfter: 30s
  activationCodeUsedAfter: null
  onlineAfterActivation: 5s
  phoneOsConfigBeforeOnline: {status: 409, errorCode: 4008, message: "not online yet"}
locations: [{name: HQ}, {name: Branch}]
people:
  - {email: alice@acme.example, firstName: Alice, lastName: Adams, location: HQ}
  - {email: bob@acme.example, firstName: Bob, lastName: Brown, location: HQ}
  - {email: carol@acme.example, firstName: Carol, lastName: Clark, location: Branch}
workspaces:
  - {displayName: HQ Lobby, location: HQ}
  - {displayName: Branch Kitchen, location: Branch}
devices:
  - {mac: "001B54AA0003", model: DMS Cisco 8851, person: bob@acme.example, tags: [managed-by-wxphones, hq], connectionStatus: connected}
  - {mac: "001B54AA0009", model: DMS Cisco 7841, person: carol@acme.example, tags: [managed-by-wxphones], connectionStatus: connected}
  - {mac: "001B54AA0010", model: DMS Cisco 6841, workspace: Branch Kitchen, connectionStatus: disconnected}
)";

struct Response {
  int status = 0;
  nlohmann::json body;  // null when empty or not JSON
  httplib::Headers headers;
  std::string raw;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

inline EmulatorOptions seeded_options(const std::string& yaml = kTestSeed) {
  EmulatorOptions o;
  o.seed_yaml = yaml;
  return o;
}

class Fixture {
 public:
  explicit Fixture(EmulatorOptions options = seeded_options()) : m_emulator(std::move(options)) {
    m_port = m_emulator.start("127.0.0.1", 0);
  }

  static EmulatorOptions seeded(const std::string& yaml = kTestSeed) { return seeded_options(yaml); }

  // path is relative to /v1 for API calls; control paths start with /_emulator.
  Response call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr,
                const std::string& token = "good-token",
                const std::string& content_type = "application/json") {
    httplib::Client client("127.0.0.1", m_port);
    client.set_read_timeout(10, 0);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    std::string full = path.rfind("/_emulator", 0) == 0 ? path : "/v1" + path;
    std::string payload = body.is_null() ? std::string() : body.dump();
    auto send = [&]() -> httplib::Result {
      if (method == "POST") return client.Post(full.c_str(), headers, payload, content_type.c_str());
      if (method == "PUT") return client.Put(full.c_str(), headers, payload, content_type.c_str());
      if (method == "PATCH") return client.Patch(full.c_str(), headers, payload, content_type.c_str());
      if (method == "DELETE") return client.Delete(full.c_str(), headers);
      return client.Get(full.c_str(), headers);
    };
    auto r = send();
    Response out;
    if (!r) return out;  // status 0: transport failure
    out.status = r->status;
    out.headers = r->headers;
    out.raw = r->body;
    if (!r->body.empty()) out.body = nlohmann::json::parse(r->body, nullptr, false);
    if (out.body.is_discarded()) out.body = nullptr;
    return out;
  }

  Response get(const std::string& path) { return call("GET", path); }
  Response control(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr) {
    return call(method, path, body, "");
  }
  void advance(double seconds) { control("POST", "/_emulator/clock/advance", {{"seconds", seconds}}); }

  std::string person_id(const std::string& email) {
    return get("/people?email=" + email).body["items"][0]["id"].get<std::string>();
  }
  std::string workspace_id(const std::string& name) {
    return get("/workspaces?displayName=" + encode(name)).body["items"][0]["id"].get<std::string>();
  }

  static std::string encode(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
        out += static_cast<char>(c);
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
    return out;
  }

  int port() const { return m_port; }
  Emulator& emulator() { return m_emulator; }

 private:
  Emulator m_emulator;
  int m_port = 0;
};

}  // namespace wx::emulator::test
