#include <doctest/doctest.h>

#include <mutex>
#include <vector>

#include "webex/local_server.h"
#include "wxphones/webex/webex_client.h"

using wx::webex_test::LocalServer;

TEST_CASE("list follows Link rel=next verbatim across pages and sends the original params only first") {
  LocalServer srv;
  std::mutex mutex;
  std::vector<std::string> queries;
  srv.server.Get("/v1/devices", [&](const httplib::Request& req, httplib::Response& res) {
    std::string cursor = req.get_param_value("cursor");
    {
      std::lock_guard lock(mutex);
      std::string q;
      for (const auto& [k, v] : req.params) {
        q += k + "=" + v + ";";
      }
      queries.push_back(q);
    }
    if (cursor.empty()) {
      res.set_header("Link", "<" + srv.origin() + "/v1/devices?cursor=p2>; rel=\"next\"");
      res.set_content(R"({"items":[{"id":"a"},{"id":"b"}]})", "application/json");
    } else if (cursor == "p2") {
      res.set_header("Link", "<" + srv.origin() + "/v1/devices?cursor=p3>; rel=\"next\"");
      res.set_content(R"({"items":[{"id":"c"}]})", "application/json");
    } else {
      res.set_content(R"({"items":[{"id":"d"}]})", "application/json");
    }
  });
  srv.start();
  auto config = srv.config();
  config.org_id = "ORG1";
  wx::WebexClient client(config);

  auto items = client.list("/devices", {{"type", "phone"}, {"max", "2"}});
  REQUIRE(items.size() == 4);
  CHECK(items[0]["id"] == "a");
  CHECK(items[3]["id"] == "d");
  REQUIRE(queries.size() == 3);
  CHECK(queries[0] == "max=2;orgId=ORG1;type=phone;");
  CHECK(queries[1] == "cursor=p2;");
  CHECK(queries[2] == "cursor=p3;");
}

TEST_CASE("list stops on an empty page even when a next link is present") {
  LocalServer srv;
  int calls = 0;
  srv.server.Get("/v1/locations", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.set_header("Link",
                   "<" + srv.origin() + "/v1/locations?start=" + std::to_string(calls) + ">; rel=\"next\"");
    res.set_content(calls == 1 ? R"({"items":[{"id":"L1"}]})" : R"({"items":[]})", "application/json");
  });
  srv.start();
  wx::WebexClient client(srv.config());
  auto items = client.list("/locations");
  CHECK(items.size() == 1);
  CHECK(calls == 2);
}

TEST_CASE("list reads items under a named key") {
  LocalServer srv;
  srv.server.Get("/v1/telephony/config/devices/X/availableMembers", [&](const httplib::Request&,
                                                                        httplib::Response& res) {
    res.set_content(R"({"other":[1],"members":[{"id":"m1"},{"id":"m2"}]})", "application/json");
  });
  srv.start();
  wx::WebexClient client(srv.config());
  CHECK(client.list("/telephony/config/devices/X/availableMembers", {}, "members").size() == 2);
}

TEST_CASE("a next link to another origin is refused before any request goes there") {
  LocalServer srv;
  LocalServer other;
  int foreign_calls = 0;
  other.server.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
    ++foreign_calls;
    res.set_content(R"({"items":[]})", "application/json");
  });
  other.start();
  srv.server.Get("/v1/people", [&](const httplib::Request&, httplib::Response& res) {
    // Same host, other port: a different origin too.
    res.set_header("Link", "<" + other.origin() + "/v1/people?start=1>; rel=\"next\"");
    res.set_content(R"({"items":[{"id":"p1"}]})", "application/json");
  });
  srv.start();
  wx::WebexClient client(srv.config());
  try {
    client.list("/people");
    FAIL("expected ApiError");
  } catch (const wx::ApiError& e) {
    CHECK(e.path() == "/people");
    CHECK(std::string(e.what()).find("another origin") != std::string::npos);
  }
  CHECK(foreign_calls == 0);
}
