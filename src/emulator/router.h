#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace wx::emulator {

class State;

// What a route handler gets. Handlers run with state.mutex held.
struct Context {
  const httplib::Request& req;
  httplib::Response& res;
  State& state;
  std::map<std::string, std::string> params;  // path parameters by template name
  std::string api_path;                       // request path without the /v1 prefix

  const std::string& param(const std::string& name) const { return params.at(name); }
  std::optional<std::string> query(const std::string& name) const;  // first value, if present
  std::vector<std::string> query_all(const std::string& name) const;

  // The parsed JSON body. On a malformed body sends 400 and returns nullopt; an empty body is null.
  std::optional<nlohmann::json> json_body();
  void send_json(int status, const nlohmann::json& body);
  void send_no_content();  // 204
  // The absolute base of this server as the client addressed it: http://host:port/v1
  std::string absolute_base() const;
};

using Handler = std::function<void(Context&)>;

// Routes keyed by method and OpenAPI path template ("/devices/{deviceId}"). The template is
// the operation's name everywhere: stats, faults and the traffic log use it.
class Router {
 public:
  struct Match {
    const Handler* handler = nullptr;
    std::string path_template;  // empty when nothing matched
    std::map<std::string, std::string> params;
    bool other_method = false;  // the path exists with another method (405)
  };

  void add(std::string method, std::string path_template, Handler handler);
  Match match(std::string_view method, std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::string path_template;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> m_routes;
};

}  // namespace wx::emulator
