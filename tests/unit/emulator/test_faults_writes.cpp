// The write log (GET /_emulator/writes): every non-GET request in order, whether the operation ran
// and what it created, so a test can prove that nothing was created twice under faults.
#include <doctest/doctest.h>

#include <string>

#include "emulator/emulator_fixture.h"

using nlohmann::json;
using wx::emulator::test::Fixture;

namespace {

const std::string kTemplates = "/telephony/config/devices/lineKeyTemplates";

json device_body(Fixture& f, const std::string& mac) {
  return {{"mac", mac}, {"model", "Cisco 8851"}, {"personId", f.person_id("alice@acme.example")}};
}

json template_body(const std::string& name) {
  return {{"templateName", name},
          {"deviceModel", "Cisco 8851"},
          {"lineKeys", json::array({{{"lineKeyIndex", 1}, {"lineKeyType", "PRIMARY_LINE"}}})}};
}

}  // namespace

TEST_CASE("write log: creates with their key, refusals, faults before and after the operation") {
  Fixture f;
  const json alice_phone = device_body(f, "00:1b:54:aa:01:02");
  REQUIRE(f.call("POST", "/devices", alice_phone).status == 200);
  CHECK(f.call("POST", "/devices", alice_phone).status == 409);  // the same MAC again
  f.control("POST", "/_emulator/faults", {{"operation", "POST /devices"}, {"closeConnection", true}});
  CHECK(f.call("POST", "/devices", device_body(f, "001B54AA0103")).status == 0);  // never ran
  f.control("POST", "/_emulator/faults",
            {{"operation", "POST /devices"}, {"status", 502}, {"afterHandling", true}});
  CHECK(f.call("POST", "/devices", device_body(f, "001B54AA0104")).status == 502);  // ran, answer lost
  const auto created = f.call("POST", kTemplates, template_body("Sales"));
  REQUIRE(created.status == 201);
  f.call("POST", "/telephony/config/devices/actions/validateMacs/invoke", {{"macs", {"001122334455"}}});
  f.get("/devices");  // GETs are not writes

  const auto log = f.control("GET", "/_emulator/writes").body;
  CHECK(log["dropped"] == 0);
  const auto& items = log["items"];
  REQUIRE(items.size() == 6);
  CHECK(items[0]["method"] == "POST");
  CHECK(items[0]["path"] == "/devices");
  CHECK(items[0]["operation"] == "POST /devices");
  CHECK(items[0]["status"] == 200);
  CHECK(items[0]["handledStatus"] == 200);
  CHECK(items[0]["fault"].is_null());
  CHECK(items[0]["at"].get<std::string>().size() == 24);
  CHECK(items[0]["write"] == true);
  CHECK(items[0]["created"]["kind"] == "device");
  CHECK(items[0]["created"]["mac"] == "001B54AA0102");  // normalized
  CHECK(items[0]["created"]["id"] == f.get("/devices?mac=001B54AA0102").body["items"][0]["id"]);

  CHECK(items[1]["status"] == 409);
  CHECK(items[1]["handledStatus"] == 409);
  CHECK_FALSE(items[1].contains("created"));

  CHECK(items[2]["status"] == 0);
  CHECK(items[2]["handledStatus"].is_null());
  CHECK(items[2]["fault"] == "closeConnection");
  CHECK_FALSE(items[2].contains("created"));

  CHECK(items[3]["status"] == 502);
  CHECK(items[3]["handledStatus"] == 200);
  CHECK(items[3]["fault"] == "502");
  CHECK(items[3]["created"]["mac"] == "001B54AA0104");

  CHECK(items[4]["operation"] == "POST " + kTemplates);
  CHECK(items[4]["created"] ==
        json{{"kind", "lineKeyTemplate"}, {"name", "Sales"}, {"id", created.body["id"]}});

  CHECK(items[5]["write"] == false);  // a read-only action, listed as the stats list it
  CHECK_FALSE(items[5].contains("created"));

  CHECK(f.control("DELETE", "/_emulator/writes").status == 204);
  CHECK(f.control("GET", "/_emulator/writes").body["items"].empty());
}

TEST_CASE("write log: PATCH, PUT and DELETE are recorded with their template; tokens never") {
  Fixture f;
  const auto id = f.get("/devices?mac=001B54AA0003").body["items"][0]["id"].get<std::string>();
  f.call("PATCH", "/devices/" + id, {{"op", "remove"}, {"path", "tags"}}, "good-token",
         "application/json-patch+json");
  f.call("DELETE", "/devices/" + id, nullptr, "bad-token");  // refused before the operation
  f.call("DELETE", "/devices/" + id);
  const auto log = f.control("GET", "/_emulator/writes");
  const auto& items = log.body["items"];
  REQUIRE(items.size() == 3);
  CHECK(items[0]["operation"] == "PATCH /devices/{deviceId}");
  CHECK(items[0]["path"] == "/devices/" + id);
  CHECK(items[1]["status"] == 401);
  CHECK(items[1]["handledStatus"].is_null());
  CHECK(items[2]["operation"] == "DELETE /devices/{deviceId}");
  CHECK(items[2]["handledStatus"] == 204);
  CHECK(log.raw.find("good-token") == std::string::npos);
  CHECK(log.raw.find("bad-token") == std::string::npos);
}
