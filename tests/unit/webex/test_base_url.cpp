#include <doctest/doctest.h>

#include <stdexcept>

#include "webex/local_server.h"
#include "webex/url.h"
#include "wxphones/webex/webex_client.h"

using wx::ClientConfig;
using wx::WebexClient;

namespace {

ClientConfig with_base(const std::string& url) {
  ClientConfig c;
  c.base_url = url;
  c.access_token = wx::webex_test::kTestToken;
  return c;
}

}  // namespace

TEST_CASE("plain http is refused unless the host is loopback") {
  CHECK_THROWS_AS(WebexClient(with_base("http://webexapis.com/v1")), std::invalid_argument);
  CHECK_THROWS_AS(WebexClient(with_base("http://10.0.0.1:8080/v1")), std::invalid_argument);
  CHECK_THROWS_AS(WebexClient(with_base("http://128.0.0.1/v1")), std::invalid_argument);
  CHECK_THROWS_AS(WebexClient(with_base("http://127.0.0.1.example.com/v1")), std::invalid_argument);
  CHECK_THROWS_AS(WebexClient(with_base("ftp://127.0.0.1/v1")), std::invalid_argument);
  CHECK_THROWS_AS(WebexClient(with_base("not a url")), std::invalid_argument);

  CHECK_NOTHROW(WebexClient(with_base("https://webexapis.com/v1")));
  CHECK_NOTHROW(WebexClient(with_base("http://127.0.0.1:8080/v1")));
  CHECK_NOTHROW(WebexClient(with_base("http://127.10.20.30/v1")));
  CHECK_NOTHROW(WebexClient(with_base("http://localhost:9000/v1")));
  CHECK_NOTHROW(WebexClient(with_base("http://[::1]:9000/v1")));
}

TEST_CASE("the refusal says why and never shows the token") {
  try {
    WebexClient client(with_base("http://webexapis.com/v1"));
    FAIL("expected an error");
  } catch (const std::invalid_argument& e) {
    std::string text = e.what();
    CHECK(text.find("https") != std::string::npos);
    CHECK(text.find("loopback") != std::string::npos);
    CHECK(text.find(wx::webex_test::kTestToken) == std::string::npos);
  }
}

TEST_CASE("an empty access token is refused") {
  ClientConfig c = with_base("https://webexapis.com/v1");
  c.access_token.clear();
  CHECK_THROWS_AS(WebexClient{c}, std::invalid_argument);
}

TEST_CASE("Link header: rel=next is found among other relations") {
  using wx::webex_detail::next_link;
  CHECK(next_link({}) == std::nullopt);
  CHECK(next_link({R"(<https://a/v1/devices?start=0>; rel="first")"}) == std::nullopt);
  CHECK(
      next_link({R"(<https://a/v1/x?start=0>; rel="first", <https://a/v1/x?start=10&max=10>; rel="next")"}) ==
      std::optional<std::string>("https://a/v1/x?start=10&max=10"));
  CHECK(next_link({R"(<https://a/v1/x?c=1>; rel="prev")", R"(<https://a/v1/x?c=2>; rel=next)"}) ==
        std::optional<std::string>("https://a/v1/x?c=2"));
  CHECK(next_link({R"(<https://a/v1/x?cursor=Zm9v>; rel="next prev")"}) ==
        std::optional<std::string>("https://a/v1/x?cursor=Zm9v"));
  CHECK(next_link({R"(<https://a/v1/x?c=3>; rel="nextish")"}) == std::nullopt);
}

TEST_CASE("path segments keep base64 IDs intact") {
  CHECK(wx::path_segment("Y2lz/Y29+c3Bhcms=") == "Y2lz%2FY29%2Bc3Bhcms%3D");
  CHECK(wx::path_segment("plain-id_1.2~") == "plain-id_1.2~");
}
