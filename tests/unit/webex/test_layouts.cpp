#include <doctest/doctest.h>

#include <mutex>

#include "webex/local_server.h"
#include "wxphones/webex/webex_api.h"

using nlohmann::json;
using wx::webex_test::LocalServer;

namespace {

// Captures the last PUT body and raw target of /layout.
struct LayoutSink {
  std::mutex mutex;
  std::string body;
  std::string target;
  int puts = 0;
};

void serve_layout_put(LocalServer& srv, LayoutSink& sink) {
  srv.server.Put(R"(/v1/telephony/config/devices/(.+)/layout)",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   std::lock_guard lock(sink.mutex);
                   sink.body = req.body;
                   sink.target = req.target;
                   ++sink.puts;
                   res.status = 204;
                 });
}

wx::LineKey key(int index, std::string type) {
  wx::LineKey k;
  k.index = index;
  k.type = std::move(type);
  return k;
}

}  // namespace

TEST_CASE("a DEFAULT layout is sent without keys, with userReorderEnabled as a boolean") {
  LocalServer srv;
  LayoutSink sink;
  serve_layout_put(srv, sink);
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());

  wx::Layout layout;
  layout.mode = wx::LayoutMode::Default;
  layout.line_keys = {key(1, "PRIMARY_LINE"), key(2, "OPEN")};  // must not be sent
  layout.kem_module_type = "KEM_14_KEYS";
  layout.kem_keys.push_back({1, 1, "OPEN", std::nullopt, std::nullopt, std::nullopt, {}});
  api->put_device_layout("D1", layout);
  CHECK(json::parse(sink.body) == json{{"layoutMode", "DEFAULT"}});

  layout.user_reorder_enabled = false;
  api->put_device_layout("D1", layout);
  auto sent = json::parse(sink.body);
  CHECK(sent == json{{"layoutMode", "DEFAULT"}, {"userReorderEnabled", false}});
  CHECK(sent["userReorderEnabled"].is_boolean());
}

TEST_CASE("a CUSTOM layout sends only the fields that are set, and encodes the device id") {
  LocalServer srv;
  LayoutSink sink;
  serve_layout_put(srv, sink);
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());

  wx::Layout layout;
  layout.mode = wx::LayoutMode::Custom;
  layout.user_reorder_enabled = true;
  auto speed = key(2, "SPEED_DIAL");
  speed.label = "Help";
  speed.value = "3568";
  auto shared = key(3, "SHARED_LINE");  // no sharedLineIndex: it must not appear at all
  layout.line_keys = {key(1, "PRIMARY_LINE"), speed, shared};
  layout.kem_module_type = "KEM_14_KEYS";
  layout.kem_keys.push_back({1, 1, "SPEED_DIAL", "Office", "213457", std::nullopt, {}});
  layout.kem_keys.push_back({1, 2, "SHARED_LINE", std::nullopt, std::nullopt, 2, {}});
  api->put_device_layout("Y2lz/Y+ab=", layout);

  json expected = {
      {"layoutMode", "CUSTOM"},
      {"userReorderEnabled", true},
      {"lineKeys",
       {{{"lineKeyIndex", 1}, {"lineKeyType", "PRIMARY_LINE"}},
        {{"lineKeyIndex", 2},
         {"lineKeyType", "SPEED_DIAL"},
         {"lineKeyLabel", "Help"},
         {"lineKeyValue", "3568"}},
        {{"lineKeyIndex", 3}, {"lineKeyType", "SHARED_LINE"}}}},
      {"kemModuleType", "KEM_14_KEYS"},
      {"kemKeys",
       {{{"kemModuleIndex", 1},
         {"kemKeyIndex", 1},
         {"kemKeyType", "SPEED_DIAL"},
         {"kemKeyLabel", "Office"},
         {"kemKeyValue", "213457"}},
        {{"kemModuleIndex", 1}, {"kemKeyIndex", 2}, {"kemKeyType", "SHARED_LINE"}, {"sharedLineIndex", 2}}}}};
  CHECK(json::parse(sink.body) == expected);
  CHECK(sink.body.find("null") == std::string::npos);
  CHECK(sink.target == "/v1/telephony/config/devices/Y2lz%2FY%2Bab%3D/layout");
}

TEST_CASE("a CUSTOM layout without KEM sends lineKeys even when empty, and no KEM fields") {
  LocalServer srv;
  LayoutSink sink;
  serve_layout_put(srv, sink);
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::Layout layout;
  layout.mode = wx::LayoutMode::Custom;
  api->put_device_layout("D1", layout);
  CHECK(json::parse(sink.body) == json{{"layoutMode", "CUSTOM"}, {"lineKeys", json::array()}});
}

TEST_CASE("reading a layout tolerates the spec example's quirks and drift") {
  LocalServer srv;
  srv.server.Get("/v1/telephony/config/devices/D1/layout",
                 [&](const httplib::Request&, httplib::Response& res) {
                   res.set_content(R"({"layoutMode":"CUSTOM","userReorderEnabled":"true",
      "lineKeys":[{"lineKeyIndex":1.0,"lineKeyType":"PRIMARY_LINE"},
                  {"lineKeyIndex":2,"lineKeyType":"SPEED_DIAL","lineKeyLabel":"Home","lineKeyValue":213456},
                  {"lineKeyIndex":3,"lineKeyType":"HOLOGRAM_CALL","lineKeyLabel":null,"sharedLineIndex":null},
                  {"lineKeyIndex":4,"lineKeyType":"SHARED_LINE","sharedLineIndex":2.0}],
      "kemModuleType":"KEM_18_KEYS",
      "kemKeys":[{"kemModuleIndex":2,"kemKeyIndex":18.0,"kemKeyType":"OPEN"}],
      "somethingNew":{"x":1}})",
                                   "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  auto layout = api->get_device_layout("D1");
  CHECK(layout.mode == wx::LayoutMode::Custom);
  CHECK(layout.user_reorder_enabled == std::optional<bool>(true));
  REQUIRE(layout.line_keys.size() == 4);
  CHECK(layout.line_keys[0].index == 1);
  CHECK(layout.line_keys[0].type == "PRIMARY_LINE");
  CHECK_FALSE(layout.line_keys[0].label.has_value());
  CHECK(layout.line_keys[1].label == std::optional<std::string>("Home"));
  CHECK(layout.line_keys[1].value == std::optional<std::string>("213456"));
  CHECK(layout.line_keys[2].type == "HOLOGRAM_CALL");  // unknown types are kept
  CHECK_FALSE(layout.line_keys[2].label.has_value());
  CHECK_FALSE(layout.line_keys[2].shared_line_index.has_value());
  CHECK(layout.line_keys[3].shared_line_index == std::optional<int>(2));
  CHECK(layout.kem_module_type == std::optional<std::string>("KEM_18_KEYS"));
  REQUIRE(layout.kem_keys.size() == 1);
  CHECK(layout.kem_keys[0].module_index == 2);
  CHECK(layout.kem_keys[0].key_index == 18);
  CHECK(layout.kem_keys[0].type == "OPEN");
}

TEST_CASE("a DEFAULT layout reads back without keys, whether they are absent or null") {
  LocalServer srv;
  srv.server.Get("/v1/telephony/config/devices/A/layout",
                 [&](const httplib::Request&, httplib::Response& res) {
                   res.set_content(R"({"layoutMode":"DEFAULT"})", "application/json");
                 });
  srv.server.Get("/v1/telephony/config/devices/B/layout", [&](const httplib::Request&,
                                                              httplib::Response& res) {
    res.set_content(
        R"({"layoutMode":"DEFAULT","userReorderEnabled":false,"lineKeys":null,"kemModuleType":null,"kemKeys":null})",
        "application/json");
  });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  for (const char* id : {"A", "B"}) {
    CAPTURE(id);
    auto layout = api->get_device_layout(id);
    CHECK(layout.mode == wx::LayoutMode::Default);
    CHECK(layout.line_keys.empty());
    CHECK(layout.kem_keys.empty());
    CHECK_FALSE(layout.kem_module_type.has_value());
  }
  CHECK(api->get_device_layout("B").user_reorder_enabled == std::optional<bool>(false));
  CHECK_FALSE(api->get_device_layout("A").user_reorder_enabled.has_value());
}

TEST_CASE("a layout written and read back through a storing server is unchanged") {
  LocalServer srv;
  std::mutex mutex;
  std::string stored;
  srv.server.Put("/v1/telephony/config/devices/D1/layout",
                 [&](const httplib::Request& req, httplib::Response& res) {
                   std::lock_guard lock(mutex);
                   stored = req.body;
                   res.status = 204;
                 });
  srv.server.Get("/v1/telephony/config/devices/D1/layout",
                 [&](const httplib::Request&, httplib::Response& res) {
                   std::lock_guard lock(mutex);
                   res.set_content(stored, "application/json");
                 });
  srv.start();
  auto api = wx::make_http_webex_api(srv.config());
  wx::Layout layout;
  layout.mode = wx::LayoutMode::Custom;
  layout.user_reorder_enabled = false;
  auto monitor = key(2, "MONITOR");
  auto shared = key(3, "SHARED_LINE");
  shared.shared_line_index = 1;
  layout.line_keys = {key(1, "PRIMARY_LINE"), monitor, shared};
  layout.kem_module_type = "KEM_20_KEYS";
  layout.kem_keys.push_back({1, 4, "CLOSED", std::nullopt, std::nullopt, std::nullopt, {}});
  api->put_device_layout("D1", layout);
  auto back = api->get_device_layout("D1");
  CHECK(back.mode == layout.mode);
  CHECK(back.user_reorder_enabled == layout.user_reorder_enabled);
  CHECK(back.line_keys == layout.line_keys);
  CHECK(back.kem_module_type == layout.kem_module_type);
  CHECK(back.kem_keys == layout.kem_keys);
}
