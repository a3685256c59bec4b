#include <doctest/doctest.h>

#include <atomic>
#include <mutex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::webex_test::LocalServer;

TEST_CASE("members GET: sorted by port, fields and unknown values kept, location id read") {
  LocalServer srv;
  srv.server.Get("/v1/telephony/config/devices/D1/members",
                 [&](const httplib::Request&, httplib::Response& res) {
                   res.set_content(R"({"model":"DMS Cisco 8851","maxLineCount":10.0,"members":[
      {"id":"W1","firstName":"Lobby","lastName":"","primaryOwner":false,"port":3,"lineType":"SHARED_CALL_APPEARANCE",
       "lineWeight":1,"hotlineEnabled":true,"hotlineDestination":"+12055552222","allowCallDeclineEnabled":false,
       "memberType":"PLACE","location":{"id":"L1","name":"HQ"},"lineLabel":"Lobby"},
      {"id":"P1","firstName":"Ann","lastName":"Lee","primaryOwner":true,"port":1,"lineType":"PRIMARY",
       "lineWeight":2,"hotlineEnabled":false,"hotlineDestination":"","allowCallDeclineEnabled":true,
       "memberType":"PEOPLE","t38FaxCompressionEnabled":true,"licenseType":"PROFESSIONAL_USER"},
      {"id":"V1","port":5,"lineType":"NEW_LINE_TYPE","memberType":"VIRTUAL_LINE"},
      {"port":6}]})",
                                   "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto m = api->get_device_members("D1");
  CHECK(m.model == "DMS Cisco 8851");
  CHECK(m.max_line_count == 10);
  REQUIRE(m.members.size() == 3);
  CHECK(m.members[0].id == "P1");
  CHECK(m.members[0].primary_owner);
  CHECK(m.members[0].line_type == "PRIMARY");
  CHECK(m.members[0].line_weight == 2);
  CHECK(m.members[0].t38_fax_compression_enabled);
  CHECK_FALSE(m.members[0].line_label.has_value());
  CHECK(m.members[1].id == "W1");
  CHECK(m.members[1].port == 3);
  CHECK(m.members[1].hotline_enabled);
  CHECK(m.members[1].hotline_destination == "+12055552222");
  CHECK_FALSE(m.members[1].allow_call_decline_enabled);
  CHECK(m.members[1].line_label == std::optional<std::string>("Lobby"));
  CHECK(m.members[1].location_id == "L1");
  CHECK(m.members[1].member_type == "PLACE");
  CHECK(m.members[2].line_type == "NEW_LINE_TYPE");
  CHECK(m.members[2].member_type == "VIRTUAL_LINE");
}

TEST_CASE("members PUT: the whole list; hotlineDestination only with the hotline, lineLabel only when set") {
  LocalServer srv;
  std::string body;
  std::string method;
  srv.server.Put("/v1/telephony/config/devices/D/1/members"  // httplib matches the decoded path
                 ,
                 [&](const httplib::Request& req, httplib::Response& res) {
                   body = req.body;
                   method = req.method;
                   res.status = 204;
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::DeviceMember owner;
  owner.id = "P1";
  owner.port = 1;
  owner.primary_owner = true;
  owner.line_type = "PRIMARY";
  wx::DeviceMember shared;
  shared.id = "W1";
  shared.port = 2;
  shared.hotline_enabled = true;
  shared.hotline_destination = "+12055552222";
  shared.allow_call_decline_enabled = false;
  shared.line_label = "Lobby";
  shared.first_name = "not sent";
  api->put_device_members("D/1", {owner, shared});
  CHECK(method == "PUT");
  CHECK(json::parse(body) == json::parse(R"({"members":[
    {"id":"P1","port":1,"primaryOwner":true,"lineType":"PRIMARY","lineWeight":1,"hotlineEnabled":false,
     "allowCallDeclineEnabled":true,"t38FaxCompressionEnabled":false},
    {"id":"W1","port":2,"primaryOwner":false,"lineType":"SHARED_CALL_APPEARANCE","lineWeight":1,"hotlineEnabled":true,
     "hotlineDestination":"+12055552222","allowCallDeclineEnabled":false,"lineLabel":"Lobby",
     "t38FaxCompressionEnabled":false}]})"));
}

TEST_CASE("availableMembers: SHARED_LINE, memberName, the largest page, every page via Link") {
  LocalServer srv;
  std::mutex mutex;
  std::vector<std::string> targets;
  srv.server.Get("/v1/telephony/config/devices/D1/availableMembers", [&](const httplib::Request& req,
                                                                         httplib::Response& res) {
    std::lock_guard lock(mutex);
    targets.push_back(req.target);
    if (!req.has_param("start")) {
      res.set_header("Link",
                     "<" + srv.base_url() +
                         "/telephony/config/devices/D1/availableMembers?usageType=SHARED_LINE&memberName=Lee"
                         "&max=2000&start=1>; rel=\"next\"");
      res.set_content(R"({"members":[{"id":"P2","firstName":"Bo","lastName":"Lee","memberType":"PEOPLE",
        "location":{"id":"L1","name":"HQ"},"lineType":"SHARED_CALL_APPEARANCE"}]})",
                      "application/json");
    } else {
      res.set_content(R"({"members":[{"id":"W9","firstName":"Lee room","lastName":"","memberType":"PLACE"},
        {"firstName":"no id"}]})",
                      "application/json");
    }
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto found = api->search_available_members("D1", "Lee");
  REQUIRE(targets.size() == 2);
  CHECK(targets[0] ==
        "/v1/telephony/config/devices/D1/availableMembers?usageType=SHARED_LINE&memberName=Lee&max=2000");
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == "P2");
  CHECK(found[0].last_name == "Lee");
  CHECK(found[0].member_type == "PEOPLE");
  CHECK(found[0].location_id == "L1");
  CHECK(found[1].id == "W9");
  CHECK(found[1].member_type == "PLACE");
}

TEST_CASE("applyChanges: POST without a body, 204, retried after a 5xx") {
  LocalServer srv;
  std::atomic<int> posts{0};
  std::string body = "unset";
  srv.server.Post("/v1/telephony/config/devices/D1/actions/applyChanges/invoke",
                  [&](const httplib::Request& req, httplib::Response& res) {
                    body = req.body;
                    res.status = ++posts == 1 ? 503 : 204;
                  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  api->apply_changes("D1");
  CHECK(posts == 2);
  CHECK(body.empty());
}
