#include <doctest/doctest.h>

#include <atomic>
#include <mutex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::webex_test::LocalServer;

namespace {

constexpr const char* kOrgRead =
    "/v1/telephony/config/lists/devices/dynamicSettings/actions/getSettings/invoke";

// The 200 example of the org getSettings operation in webex-device.json, plus an unknown level and field.
const char* kOrgSettings = R"({"tags":[
  {"familyOrModelDisplayName":"Poly","tag":"%DO_MENU_ITEM_BACKGROUND%","value":"#RRGGBB","parentValue":"#FFFFFF",
   "parentLevel":"ORGANIZATION"},
  {"familyOrModelDisplayName":"Poly","tag":"%ENABLE_BLUETOOTH%","parentValue":"0","parentLevel":"SYSTEM_DEFAULT"},
  {"familyOrModelDisplayName":"Poly","tag":"%G711U_ORDER%","value":4,"parentLevel":"NEW_LEVEL","hint":"x"},
  {"familyOrModelDisplayName":"Poly"}],
  "lastUpdateTime":1651396800000,"updateInProgress":false})";

struct Seen {
  std::mutex mutex;
  std::vector<std::string> targets;
  std::vector<std::string> bodies;
  std::vector<std::string> methods;
  void record(const httplib::Request& req) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    bodies.push_back(req.body);
    methods.push_back(req.method);
  }
};

}  // namespace

TEST_CASE("validationSchema: the family filter only when given; rules parsed by the model") {
  LocalServer srv;
  Seen seen;
  srv.server.Get("/v1/telephony/config/devices/dynamicSettings/validationSchema",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.set_content(R"({"tags":[{"familyOrModelDisplayName":"Poly","tag":"%G711U_ORDER%",
                     "friendlyName":"voice.codecPref.G711Mu","level":["location","device"],
                     "validationRule":{"type":"int","min":0,"max":10,"increment":1}}]})",
                                   "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto schema = api->get_dynamic_settings_schema("Cisco 9800");
  auto all = api->get_dynamic_settings_schema("");
  REQUIRE(seen.targets.size() == 2);
  CHECK(
      seen.targets[0] ==
      "/v1/telephony/config/devices/dynamicSettings/validationSchema?familyOrModelDisplayName=Cisco%209800");
  CHECK(seen.targets[1] == "/v1/telephony/config/devices/dynamicSettings/validationSchema");
  const auto* rule = schema.find("Poly", "%G711U_ORDER%");
  REQUIRE(rule != nullptr);
  CHECK(rule->max == std::optional<double>(10));
  CHECK(rule->allowed_at(wx::SettingLevel::Device));
  CHECK_FALSE(rule->allowed_at(wx::SettingLevel::Organization));
  CHECK(all.rules().size() == 1);
}

TEST_CASE("org getSettings: family query, {tags} or {} body, parsed tags; retried after a 5xx") {
  LocalServer srv;
  Seen seen;
  std::atomic<int> posts{0};
  srv.server.Post(kOrgRead, [&](const httplib::Request& req, httplib::Response& res) {
    seen.record(req);
    if (++posts == 1) {
      res.status = 502;
      return;
    }
    res.set_content(kOrgSettings, "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto tags = api->get_org_dynamic_settings("Poly", {"%ENABLE_BLUETOOTH%", "%G711U_ORDER%"});
  CHECK(posts == 2);  // a read: repeated after the 502
  CHECK(seen.targets[1] == std::string(kOrgRead) + "?familyOrModelDisplayName=Poly");
  CHECK(json::parse(seen.bodies[1]) == json{{"tags", {"%ENABLE_BLUETOOTH%", "%G711U_ORDER%"}}});
  REQUIRE(tags.size() == 3);  // the entry without a tag is skipped
  CHECK(tags[0].family == "Poly");
  CHECK(tags[0].tag == "%DO_MENU_ITEM_BACKGROUND%");
  CHECK(tags[0].value == std::optional<std::string>("#RRGGBB"));
  CHECK(tags[0].parent_value == std::optional<std::string>("#FFFFFF"));
  CHECK(tags[0].parent_level == "ORGANIZATION");
  CHECK_FALSE(tags[1].value.has_value());
  CHECK(tags[1].effective() == "0");
  CHECK(tags[2].value == std::optional<std::string>("4"));
  CHECK(tags[2].parent_level == "NEW_LEVEL");

  api->get_org_dynamic_settings("Poly", {});
  CHECK(json::parse(seen.bodies.back()) == json::object());
  CHECK_THROWS_AS(api->get_org_dynamic_settings("", {}), std::invalid_argument);
}

TEST_CASE("location and device getSettings: paths, the family only for the location") {
  LocalServer srv;
  Seen seen;
  srv.server.Post(
      R"(/v1/telephony/config/lists/(locations/.+/)?devices/([^/]+/)?dynamicSettings/actions/getSettings/invoke)",
      [&](const httplib::Request& req, httplib::Response& res) {
        seen.record(req);
        res.set_content(R"({"tags":[{"tag":"%ENABLE_BLUETOOTH%","value":"1","parentValue":"0",
                      "parentLevel":"LOCATION"}],"lastUpdateTime":1})",
                        "application/json");
      });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto loc = api->get_location_dynamic_settings("L/1", "Cisco 9800", {"%ENABLE_BLUETOOTH%"});
  CHECK(seen.targets.back() ==
        "/v1/telephony/config/lists/locations/L%2F1/devices/dynamicSettings/actions/getSettings/invoke"
        "?familyOrModelDisplayName=Cisco%209800");
  CHECK(json::parse(seen.bodies.back()) == json{{"tags", {"%ENABLE_BLUETOOTH%"}}});
  REQUIRE(loc.size() == 1);
  CHECK(loc[0].parent_level == "LOCATION");
  CHECK(loc[0].family.empty());

  auto dev = api->get_device_dynamic_settings("D1", {});
  CHECK(seen.targets.back() ==
        "/v1/telephony/config/lists/devices/D1/dynamicSettings/actions/getSettings/invoke");
  CHECK(json::parse(seen.bodies.back()) == json::object());
  CHECK(dev.size() == 1);
}

TEST_CASE("getSettings answering something other than an object is an ApiError") {
  LocalServer srv;
  srv.server.Post(kOrgRead, [&](const httplib::Request&, httplib::Response& res) { res.status = 200; });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_THROWS_AS(api->get_org_dynamic_settings("Poly", {}), wx::ApiError);
}

TEST_CASE("device dynamicSettings PUT: SET with value, CLEAR without; nothing sent when empty") {
  LocalServer srv;
  Seen seen;
  srv.server.Put("/v1/telephony/config/devices/D1/dynamicSettings",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   seen.record(req);
                   res.status = 204;
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  api->put_device_dynamic_settings("D1", {});
  CHECK(seen.targets.empty());
  api->put_device_dynamic_settings(
      "D1", {{"Poly", "%G711A_ORDER%", std::nullopt}, {"Poly", "%ENABLE_BLUETOOTH%", "0"}});
  REQUIRE(seen.bodies.size() == 1);
  CHECK(seen.methods[0] == "PUT");
  CHECK(json::parse(seen.bodies[0]) == json::parse(R"({"tags":[{"tag":"%G711A_ORDER%","action":"CLEAR"},
    {"tag":"%ENABLE_BLUETOOTH%","action":"SET","value":"0"}]})"));
}
