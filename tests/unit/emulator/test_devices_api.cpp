#include <doctest/doctest.h>

#include <set>

#include "emulator/emulator_fixture.h"
#include "emulator/ids.h"

using namespace wx::emulator;
using wx::emulator::test::Fixture;

namespace {

std::vector<std::string> macs_of(const nlohmann::json& body) {
  std::vector<std::string> out;
  for (const auto& d : body["items"]) out.push_back(d["mac"].get<std::string>());
  return out;
}

// The path and query of an absolute Link URL, relative to /v1.
std::string next_path(const std::string& link, int port) {
  auto start = link.find('<');
  auto end = link.find('>');
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  CHECK(link.substr(end + 1) == "; rel=\"next\"");
  std::string url = link.substr(start + 1, end - start - 1);
  std::string prefix = "http://127.0.0.1:" + std::to_string(port) + "/v1";
  REQUIRE(url.rfind(prefix, 0) == 0);
  return url.substr(prefix.size());
}

}  // namespace

TEST_CASE("GET /devices pages with start/max and an absolute Link rel=next") {
  Fixture f;
  auto first = f.get("/devices?max=2");
  REQUIRE(first.status == 200);
  CHECK(first.body["items"].size() == 2);
  auto link = first.header("Link");
  REQUIRE_FALSE(link.empty());
  auto second = f.get(next_path(link, f.port()));
  REQUIRE(second.status == 200);
  CHECK(second.body["items"].size() == 1);
  CHECK(second.header("Link").empty());
  std::set<std::string> all;
  for (const auto& m : macs_of(first.body)) all.insert(m);
  for (const auto& m : macs_of(second.body)) all.insert(m);
  CHECK(all == std::set<std::string>{"001B54AA0003", "001B54AA0009", "001B54AA0010"});

  SUBCASE("filters survive in the next link") {
    auto page = f.get("/devices?tag=managed-by-wxphones&max=1");
    CHECK(page.body["items"].size() == 1);
    auto next = f.get(next_path(page.header("Link"), f.port()));
    CHECK(next.body["items"].size() == 1);
    CHECK(next.header("Link").empty());
  }
  SUBCASE("a max above the limit is clamped, a bad max refused") {
    CHECK(f.get("/devices?max=100000").body["items"].size() == 3);
    CHECK(f.get("/devices?max=abc").status == 400);
  }
}

TEST_CASE("GET /devices filters") {
  Fixture f;
  auto bob = f.person_id("bob@acme.example");
  CHECK(macs_of(f.get("/devices?personId=" + bob).body) == std::vector<std::string>{"001B54AA0003"});
  CHECK(macs_of(f.get("/devices?mac=00:1b:54:aa:00:09").body) == std::vector<std::string>{"001B54AA0009"});
  CHECK(macs_of(f.get("/devices?tag=managed-by-wxphones,hq").body) ==
        std::vector<std::string>{"001B54AA0003"});
  CHECK(macs_of(f.get("/devices?tag=managed-by-wxphones&tag=hq").body) ==
        std::vector<std::string>{"001B54AA0003"});
  CHECK(f.get("/devices?tag=managed-by-wxphones").body["items"].size() == 2);
  CHECK(macs_of(f.get("/devices?connectionStatus=disconnected").body) ==
        std::vector<std::string>{"001B54AA0010"});
  CHECK(macs_of(f.get("/devices?workspaceId=" + f.workspace_id("Branch Kitchen")).body) ==
        std::vector<std::string>{"001B54AA0010"});
  CHECK(f.get("/devices?type=phone").body["items"].size() == 3);
  CHECK(f.get("/devices?type=roomdesk").body["items"].empty());
  CHECK(macs_of(f.get("/devices?product=Cisco%207841").body) == std::vector<std::string>{"001B54AA0009"});
  auto branch = f.get("/locations?name=branch").body["items"][0]["id"].get<std::string>();
  CHECK(f.get("/devices?locationId=" + branch).body["items"].size() == 2);
}

TEST_CASE("Device objects carry the Webex fields") {
  Fixture f;
  auto d = f.get("/devices?mac=001B54AA0003").body["items"][0];
  CHECK(decode_id(d["id"].get<std::string>())->kind == "DEVICE");
  CHECK(decode_id(d["callingDeviceId"].get<std::string>())->kind == "CALLING_DEVICE");
  CHECK(d["webexDeviceId"] == d["id"]);
  CHECK(d["product"] == "Cisco 8851");
  CHECK(d["type"] == "phone");
  CHECK(d["plannedMaintenance"] == "off");
  CHECK(d["connectionStatus"] == "connected");
  CHECK(d.contains("firstSeen"));
  CHECK(d.contains("created"));
  auto offline = f.get("/devices?mac=001B54AA0010").body["items"][0];
  CHECK_FALSE(offline.contains("firstSeen"));
  CHECK(offline.contains("workspaceId"));
  CHECK_FALSE(offline.contains("personId"));
}

TEST_CASE("GET /devices/{id} accepts DEVICE and CALLING_DEVICE forms, padded or not") {
  Fixture f;
  auto d = f.get("/devices?mac=001B54AA0003").body["items"][0];
  auto uuid = decode_id(d["id"].get<std::string>())->uuid;
  std::string calling = make_id("CALLING_DEVICE", uuid);
  std::string unpadded = calling;
  while (unpadded.back() == '=') unpadded.pop_back();
  std::string padded_device = d["id"].get<std::string>();
  while (padded_device.size() % 4 != 0) padded_device += '=';
  CHECK(unpadded != calling);
  for (const auto& id : {d["id"].get<std::string>(), padded_device, calling, unpadded}) {
    auto r = f.get("/devices/" + id);
    CHECK(r.status == 200);
    CHECK(r.body["mac"] == "001B54AA0003");
    CHECK(f.get("/telephony/config/devices/" + id).status == 200);
  }
  CHECK(f.get("/devices/" + make_id("DEVICE", "00000000-0000-4000-8000-000000000000")).status == 404);
  CHECK(f.get("/devices/" + make_id("PEOPLE", uuid)).status == 404);
}

TEST_CASE("POST /devices creates a phone that comes online after macOnlineAfter (emulated)") {
  Fixture f;
  auto alice = f.person_id("alice@acme.example");
  auto created = f.call("POST", "/devices",
                        {{"mac", "00:1b:54:aa:01:02"}, {"model", "Cisco 9861"}, {"personId", alice}});
  REQUIRE(created.status == 200);
  CHECK(created.body["mac"] == "001B54AA0102");
  CHECK(created.body["product"] == "Cisco 9861");
  CHECK(created.body["connectionStatus"] == "disconnected");
  CHECK(created.body.contains("created"));
  CHECK_FALSE(created.body.contains("firstSeen"));
  auto id = created.body["id"].get<std::string>();

  f.advance(29);
  CHECK(f.get("/devices/" + id).body["connectionStatus"] == "disconnected");
  f.advance(2);
  auto online = f.get("/devices/" + id).body;
  CHECK(online["connectionStatus"] == "connected");
  CHECK(online.contains("firstSeen"));
  CHECK(online.contains("lastSeen"));

  SUBCASE("the same MAC again is refused") {
    auto dup = f.call("POST", "/devices",
                      {{"mac", "001B54AA0102"}, {"model", "DMS Cisco 9861"}, {"personId", alice}});
    CHECK(dup.status == 409);
    CHECK(dup.body["errors"][0]["errorCode"] == 5675);
    CHECK(dup.body["trackingId"].get<std::string>().rfind("EMULATOR_", 0) == 0);
  }
}

TEST_CASE("POST /devices validates its body") {
  Fixture f;
  auto alice = f.person_id("alice@acme.example");
  auto lobby = f.workspace_id("HQ Lobby");
  auto post = [&](const nlohmann::json& body) { return f.call("POST", "/devices", body).status; };
  CHECK(post({{"mac", "001B54AA0201"}, {"model", "DMS Cisco 8851"}}) == 400);  // no owner
  CHECK(post({{"mac", "001B54AA0201"},
              {"model", "DMS Cisco 8851"},
              {"personId", alice},
              {"workspaceId", lobby}}) == 400);
  CHECK(post({{"mac", "nope"}, {"model", "DMS Cisco 8851"}, {"personId", alice}}) == 400);
  CHECK(post({{"mac", "001B54AA0201"}, {"model", "DMS Cisco 1234"}, {"personId", alice}}) == 400);
  CHECK(post({{"mac", "001B54AA0201"}, {"model", "DMS Cisco 8851"}, {"personId", make_id("PEOPLE", "x")}}) ==
        404);
  CHECK(f.call("POST", "/devices", nullptr).status == 400);
  CHECK(post({{"mac", "001B54AA0201"}, {"model", "DMS Cisco 8851"}, {"workspaceId", lobby}}) == 200);
}

TEST_CASE("PATCH /devices/{id} tags: array or single object, add/remove/replace") {
  Fixture f;
  auto id = f.get("/devices?mac=001B54AA0009").body["items"][0]["id"].get<std::string>();
  auto patch = [&](const nlohmann::json& body) {
    return f.call("PATCH", "/devices/" + id, body, "good-token", "application/json-patch+json");
  };
  auto r = patch(nlohmann::json::array({{{"op", "replace"}, {"path", "tags"}, {"value", {"a", "b"}}}}));
  REQUIRE(r.status == 200);
  CHECK(r.body["tags"] == nlohmann::json({"a", "b"}));
  r = patch({{"op", "add"}, {"path", "tags"}, {"value", {"c"}}});  // wxc_sdk's single object
  CHECK(r.body["tags"] == nlohmann::json({"a", "b", "c"}));
  r = patch({{"op", "remove"}, {"path", "tags"}});
  CHECK(r.body["tags"] == nlohmann::json::array());
  CHECK(patch({{"op", "move"}, {"path", "tags"}}).status == 400);
  CHECK(patch({{"op", "replace"}, {"path", "displayName"}, {"value", "x"}}).status == 400);
  CHECK(f.call("PATCH", "/devices/" + id, {{"op", "remove"}, {"path", "tags"}}, "good-token", "text/plain")
            .status == 415);
}

TEST_CASE("DELETE /devices/{id} answers 204 and the MAC becomes free") {
  Fixture f;
  auto id = f.get("/devices?mac=001B54AA0009").body["items"][0]["id"].get<std::string>();
  CHECK(f.call("DELETE", "/devices/" + id).status == 204);
  CHECK(f.get("/devices/" + id).status == 404);
  CHECK(f.call("DELETE", "/devices/" + id).status == 404);
  auto v =
      f.call("POST", "/telephony/config/devices/actions/validateMacs/invoke", {{"macs", {"001B54AA0009"}}});
  CHECK(v.body["status"] == "OK");
}
