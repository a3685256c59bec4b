// Against Cisco's published descriptions in ../shared/webex-openapi; skipped (with a message) when absent.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>

#include "mini_openapi.h"
#include "wxphones/conformance/checker.h"

using wx::conformance::ConformanceChecker;
using wx::conformance::OpenApiSet;
using wx::conformance::testing::exchange;

namespace {

const OpenApiSet* real_set() {
  static const std::optional<OpenApiSet> set = []() -> std::optional<OpenApiSet> {
    const std::filesystem::path dir =
        std::filesystem::path(WX_SOURCE_DIR) / ".." / "shared" / "webex-openapi";
    if (!std::filesystem::is_directory(dir)) {
      return std::nullopt;
    }
    return OpenApiSet::load_directory(dir);
  }();
  return set ? &*set : nullptr;
}

}  // namespace

TEST_CASE("real descriptions: literal paths beat templates, YAML files load with the right types") {
  const auto* set = real_set();
  if (set == nullptr) {
    MESSAGE("SKIPPED: OpenAPI descriptions not found at ../shared/webex-openapi");
    return;
  }
  REQUIRE(set->match("GET", "/telephony/config/devices/lineKeyTemplates") != nullptr);
  CHECK(set->match("GET", "/telephony/config/devices/lineKeyTemplates")->path_template ==
        "/telephony/config/devices/lineKeyTemplates");
  CHECK(set->match("GET", "/telephony/config/devices/Y2lzY29")->path_template ==
        "/telephony/config/devices/{deviceId}");
  REQUIRE(set->match("GET", "/people") != nullptr);
  const auto& people = set->document(set->match("GET", "/people")->document).document();
  const auto& example = people["paths"]["/people"]["get"]["responses"]["200"]["content"]["application/json"]
                              ["example"]["items"][0];
  CHECK(example["extension"] == "133");                  // quoted in the YAML
  CHECK(example["phoneNumbers"][0]["primary"] == true);  // plain boolean
}

TEST_CASE("real descriptions: wxphones' own calls conform with the calibrations, not without") {
  const auto* set = real_set();
  if (set == nullptr) {
    MESSAGE("SKIPPED: OpenAPI descriptions not found at ../shared/webex-openapi");
    return;
  }
  const auto tags_patch = exchange(R"({"method":"PATCH","path":"/devices/Y2lzY29zcGFyazovL3VzL0RFVklDRS8x",
      "requestContentType":"application/json-patch+json","requestBody":[{"op":"replace","path":"tags","value":["a"]}],
      "status":200,"responseBody":{"id":"D","created":"2024-05-01T12:00:00.000Z","connectionStatus":"pending",
      "plannedMaintenance":"off","callingDeviceId":"C"}})");
  const auto settings_put = exchange(R"({"method":"PUT","path":"/telephony/config/devices/D/settings",
      "query":[["deviceModel","DMS Cisco 9861"],["model","DMS Cisco 9861"]],
      "requestContentType":"application/json","requestBody":{"customEnabled":true,
      "customizations":{"mpp":{"backlightTimer":"ONE_MIN"}}},"status":204})");
  CHECK(ConformanceChecker(*set).check_exchange(tags_patch).empty());
  CHECK(ConformanceChecker(*set).check_exchange(settings_put).empty());
  wx::conformance::CheckOptions raw;
  raw.apply_calibration = false;
  CHECK(ConformanceChecker(*set, raw).check_exchange(tags_patch).size() ==
        4);  // array, pending, string, field
  CHECK(ConformanceChecker(*set, raw).check_exchange(settings_put).size() == 1);
  CHECK(ConformanceChecker(*set)
            .check_exchange(exchange(R"({"method":"PUT","path":"/telephony/config/devices/D/settings",
      "requestContentType":"application/json","requestBody":{"customEnabled":true,"customizations":{"mpp":{"backlightTimer":"ONE_M"}}},
      "status":204})"))
            .size() == 1);
}

TEST_CASE("real descriptions: the OAuth token endpoint is the security schemes' tokenUrl") {
  const auto* set = real_set();
  if (set == nullptr) {
    MESSAGE("SKIPPED: OpenAPI descriptions not found at ../shared/webex-openapi");
    return;
  }
  CHECK(set->token_paths() == std::vector<std::string>{"/access_token"});
}
