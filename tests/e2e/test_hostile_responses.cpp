// A server that answers with garbage: wxphones stops with a clear error (exit 1), never crashes, and
// never takes an unreadable answer for an empty organisation (which would create what already exists).
#include <doctest/doctest.h>

#include "e2e_support.h"

using namespace e2e;

namespace {

struct Hostile {
  const char* name;
  nlohmann::json fault;
  const char* expected;  // in stderr
};

}  // namespace

TEST_CASE("hostile answers to plan and apply end in a clear error and no write") {
  const std::vector<Hostile> cases = {
      {"truncated JSON in the device list",
       {{"operation", "GET /devices"}, {"body", "{\"items\": [{\"id\": "}},
       "malformed response: the body is not valid JSON"},
      {"HTML instead of JSON",
       {{"operation", "GET /devices"},
        {"body", "<html>502 Bad Gateway</html>"},
        {"contentType", "text/html"}},
       "not valid JSON"},
      {"a list of the wrong type",
       {{"operation", "GET /devices"}, {"body", "{\"items\": {\"id\": 1}}"}},
       "no 'items' list"},
      {"items that are not objects",
       {{"operation", "GET /devices"}, {"body", "{\"items\": [1, 2]}"}},
       "item 0 of 'items' is not an object"},
      {"the list missing", {{"operation", "GET /devices"}, {"body", "{\"devices\": 3}"}}, "no 'items' list"},
      {"deep nesting",
       {{"operation", "GET /devices"},
        {"body", "{\"items\":" + std::string(5000, '[') + std::string(5000, ']') + "}"}},
       "nested deeper than 64 levels"},
      {"an unreadable Link header",
       {{"operation", "GET /devices"},
        {"afterHandling", true},
        {"headers", {{"Link", "<http://127.0.0.1:1/v1/devices?start=1; rel=\"next\""}}}},
       "a Link header names a next page but cannot be read"},
      {"a Link header to another host",
       {{"operation", "GET /devices"},
        {"afterHandling", true},
        {"headers", {{"Link", "<https://evil.example/v1/devices?start=1>; rel=\"next\""}}}},
       "refusing to follow a pagination link to another origin"},
      {"a huge body",
       {{"operation", "GET /telephony/config/supportedDevices"}, {"hugeBodyBytes", 70 << 20}},
       "larger than 64 MiB; refusing to read it"},
      {"a layout that is not an object",
       {{"operation", "GET /telephony/config/devices/{deviceId}/layout"}, {"body", "[]"}},
       "expected a layout object"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    // Hostile answers break the descriptions on purpose: they stay out of the conformance check's log.
    Emulator emulator(source_path(kAcmeSeed), EmulatorOptions{60.0, false});
    auto fault = c.fault;
    fault["count"] = -1;
    emulator.post("/_emulator/faults", fault);
    Result plan = run_wxphones({"plan", kAcmeManifests}, emulator.env());
    CHECK(plan.exit_code == 1);  // an error, not a signal (-1) and not "no changes"
    CHECK_MESSAGE(contains(plan.err, c.expected), plan.err);
    if (&c == &cases.front() || &c == &cases.back()) {  // apply reads the same way; two samples suffice
      Result apply = run_wxphones({"apply", kAcmeManifests, "--auto-approve"}, emulator.env());
      CHECK(apply.exit_code == 1);
      CHECK_MESSAGE(contains(apply.err, c.expected), apply.err);
    }
    CHECK(emulator.total_writes() == 0);
  }
}
