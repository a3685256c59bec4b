#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::webex_test::LocalServer;

namespace {

constexpr const char* kTemplates = "/v1/telephony/config/devices/lineKeyTemplates";

wx::LineKeyTemplate desired_template() {
  wx::LineKeyTemplate t;
  t.template_name = "Reception 9861";
  t.device_model = "DMS Cisco 9861";
  t.user_reorder_enabled = true;
  wx::LineKey primary;
  primary.index = 1;
  primary.type = "PRIMARY_LINE";
  wx::LineKey speed;
  speed.index = 2;
  speed.type = "SPEED_DIAL";
  speed.label = "Help";
  speed.value = "3568";
  wx::LineKey shared;
  shared.index = 3;
  shared.type = "SHARED_LINE";
  t.line_keys = {primary, speed, shared};
  return t;
}

const json kExpectedKeys = {
    {{"lineKeyIndex", 1}, {"lineKeyType", "PRIMARY_LINE"}},
    {{"lineKeyIndex", 2}, {"lineKeyType", "SPEED_DIAL"}, {"lineKeyLabel", "Help"}, {"lineKeyValue", "3568"}},
    {{"lineKeyIndex", 3}, {"lineKeyType", "SHARED_LINE"}}};

// The org's template list as the re-read after an unknown outcome sees it: a same-named template for
// another model (a decoy) and the one just created.
const char* kListWithCreated = R"({"lineKeyTemplates":[
  {"id":"T-other","templateName":"Reception 9861","deviceModel":"DMS Cisco 8851","modelDisplayName":"Cisco 8851"},
  {"id":"T-new","templateName":"Reception 9861","deviceModel":"DMS Cisco 9861","modelDisplayName":"Cisco 9861"}]})";

}  // namespace

TEST_CASE("listing templates reads lineKeyTemplates without keys") {
  LocalServer srv;
  srv.server.Get(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"lineKeyTemplates":[{"id":"T1","templateName":"template-for-8845",
      "deviceModel":"DMS Cisco 8845","modelDisplayName":"Cisco 8845"}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto list = api->list_line_key_templates();
  REQUIRE(list.size() == 1);
  CHECK(list[0].id == "T1");
  CHECK(list[0].template_name == "template-for-8845");
  CHECK(list[0].device_model == "DMS Cisco 8845");
  CHECK(list[0].model_display_name == "Cisco 8845");
  CHECK(list[0].line_keys.empty());
  CHECK_FALSE(list[0].details_loaded);
}

TEST_CASE("a template read by id carries its keys and an encoded id in the path") {
  LocalServer srv;
  std::string target;
  srv.server.Get(R"(/v1/telephony/config/devices/lineKeyTemplates/(.+))", [&](const httplib::Request& req,
                                                                              httplib::Response& res) {
    target = req.target;
    res.set_content(R"({"id":"T/1=","templateName":"My Template","deviceModel":"DMS Cisco 8851",
        "modelDisplayName":"Cisco 8851","userReorderEnabled":true,"lineKeys":[
        {"lineKeyIndex":1,"lineKeyType":"PRIMARY_LINE"},
        {"lineKeyIndex":3,"lineKeyType":"SHARED_LINE","sharedLineIndex":1}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto t = api->get_line_key_template("T/1=");
  CHECK(target == std::string(kTemplates) + "/T%2F1%3D");
  CHECK(t.details_loaded);
  CHECK(t.user_reorder_enabled == std::optional<bool>(true));
  REQUIRE(t.line_keys.size() == 2);
  CHECK(t.line_keys[1].shared_line_index == std::optional<int>(1));
}

TEST_CASE("creating a template posts the documented body and returns the new id") {
  LocalServer srv;
  std::string sent;
  srv.server.Post(kTemplates, [&](const httplib::Request& req, httplib::Response& res) {
    sent = req.body;
    res.status = 201;
    res.set_content(R"({"id":"T-new"})", "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK(api->create_line_key_template(desired_template()) == "T-new");
  CHECK(json::parse(sent) == json{{"templateName", "Reception 9861"},
                                  {"deviceModel", "DMS Cisco 9861"},
                                  {"userReorderEnabled", true},
                                  {"lineKeys", kExpectedKeys}});
}

TEST_CASE("a template create with an unknown outcome is re-read by name, never posted twice") {
  LocalServer srv;
  std::atomic<int> posts{0};
  std::atomic<int> lists{0};
  std::atomic<int> answer{0};
  srv.server.Post(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = answer;
    if (answer == 201) {
      res.set_content("{}", "application/json");  // accepted, but no id
    }
  });
  srv.server.Get(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    ++lists;
    res.set_content(kListWithCreated, "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  for (int status : {500, 502, 504, 201}) {
    CAPTURE(status);
    answer = status;
    posts = 0;
    lists = 0;
    CHECK(api->create_line_key_template(desired_template()) == "T-new");
    CHECK(posts == 1);
    CHECK(lists >= 1);
  }
}

TEST_CASE("a template create that gets no response is re-read, not repeated") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    std::this_thread::sleep_for(std::chrono::milliseconds(1300));  // past the client's 1 s timeout
    res.status = 201;
    res.set_content(R"({"id":"late"})", "application/json");
  });
  srv.server.Get(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(kListWithCreated, "application/json");
  });
  srv.start();
  auto config = srv.config();
  config.timeout = std::chrono::seconds(1);
  auto api = wx::make_http_webex_api(config);
  CHECK(api->create_line_key_template(desired_template()) == "T-new");
  CHECK(posts == 1);
}

TEST_CASE("a template create that did not happen rethrows the original error") {
  LocalServer srv;
  std::atomic<int> posts{0};
  srv.server.Post(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    ++posts;
    res.status = 503;
  });
  srv.server.Get(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"lineKeyTemplates":[{"id":"T-other","templateName":"Reception 9861",
      "deviceModel":"DMS Cisco 8851","modelDisplayName":"Cisco 8851"}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  try {
    api->create_line_key_template(desired_template());
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 503);
    CHECK(e.method() == "POST");
  }
  CHECK(posts == 1);
}

TEST_CASE("an unknown outcome with several same-named templates is a conflict, not a guess") {
  LocalServer srv;
  srv.server.Post(kTemplates, [&](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  srv.server.Get(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"lineKeyTemplates":[
      {"id":"A","templateName":"Reception 9861","deviceModel":"DMS Cisco 9861"},
      {"id":"B","templateName":"Reception 9861","modelDisplayName":"Cisco 9861"}]})",
                    "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto desired = desired_template();
  desired.device_model = "Cisco 9861";  // the display name also identifies the model
  try {
    api->create_line_key_template(desired);
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.status() == 409);
  }
}

TEST_CASE("a refused template create (4xx) is not re-read") {
  LocalServer srv;
  std::atomic<int> lists{0};
  srv.server.Post(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    res.status = 400;
    res.set_content(R"({"message":"Invalid line key","errors":[{"description":"Invalid line key"}]})",
                    "application/json");
  });
  srv.server.Get(kTemplates, [&](const httplib::Request&, httplib::Response& res) {
    ++lists;
    res.set_content(kListWithCreated, "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_THROWS_AS(api->create_line_key_template(desired_template()), wx::ApiError);
  CHECK(lists == 0);
}

TEST_CASE("updating a template sends only userReorderEnabled and lineKeys") {
  LocalServer srv;
  std::string sent;
  std::string target;
  srv.server.Put(R"(/v1/telephony/config/devices/lineKeyTemplates/(.+))",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   sent = req.body;
                   target = req.target;
                   res.status = 204;
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto t = desired_template();
  api->update_line_key_template("T+1", t);
  CHECK(target == std::string(kTemplates) + "/T%2B1");
  CHECK(json::parse(sent) == json{{"userReorderEnabled", true}, {"lineKeys", kExpectedKeys}});

  t.user_reorder_enabled.reset();
  api->update_line_key_template("T+1", t);
  CHECK(json::parse(sent) == json{{"lineKeys", kExpectedKeys}});
}

TEST_CASE("deleting a template that is already gone succeeds; other refusals throw") {
  LocalServer srv;
  srv.server.Delete(kTemplates + std::string("/gone"),
                    [&](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  srv.server.Delete(
      kTemplates + std::string("/in-use"), [&](const httplib::Request&, httplib::Response& res) {
        res.status = 400;
        res.set_content(R"({"message":"Template in use","errors":[{"description":"Template in use"}]})",
                        "application/json");
      });
  srv.server.Delete(kTemplates + std::string("/ok"),
                    [&](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  CHECK_NOTHROW(api->delete_line_key_template("gone"));
  CHECK_NOTHROW(api->delete_line_key_template("ok"));
  CHECK_THROWS_AS(api->delete_line_key_template("in-use"), wx::ApiError);
}
