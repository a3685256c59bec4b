#include <doctest/doctest.h>

#include "wxphones/model/device_model.h"

using namespace wx;

TEST_CASE("the built-in catalog knows the PhoneOS and MPP models") {
  const auto& catalog = ModelCatalog::builtin();
  const auto* m9861 = catalog.find("DMS Cisco 9861");
  REQUIRE(m9861);
  CHECK(m9861->phone_os());
  CHECK(m9861->kem_support);
  CHECK(catalog.find("Cisco 9861") == m9861);  // display names resolve too
  const auto* m8851 = catalog.find("DMS Cisco 8851");
  REQUIRE(m8851);
  CHECK_FALSE(m8851->phone_os());
  CHECK(m8851->settings_family == SettingsFamily::CallingCustomizations);
  CHECK(catalog.find("DMS Cisco 8875")->phone_os());
  CHECK(catalog.find("DMS Cisco 9999") == nullptr);
}

TEST_CASE("catalog parsing tolerates unknown fields and wrong types") {
  auto body =
      nlohmann::json::parse(R"({"devices":[{"model":"X","numberOfLineKeyButtons":"many","newFlag":true,
    "deviceSettingsConfiguration":"SOMETHING_NEW","onboardingMethod":["MAC_ADDRESS"]}]})");
  const auto catalog = ModelCatalog::from_supported_devices(body);
  REQUIRE(catalog.models().size() == 1);
  CHECK(catalog.models()[0].number_of_line_key_buttons == 0);
  CHECK(catalog.models()[0].settings_family == SettingsFamily::None);
  CHECK(catalog.models()[0].supports_onboarding("MAC_ADDRESS"));
}
