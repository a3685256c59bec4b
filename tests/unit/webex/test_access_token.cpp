#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "webex/local_server.h"
#include "wxphones/util/secrets.h"
#include "wxphones/webex/access_token.h"

namespace fs = std::filesystem;

namespace {

// Sets or unsets WEBEX_ACCESS_TOKEN for one test and restores it afterwards.
class EnvToken {
 public:
  explicit EnvToken(const char* value) {
    if (const char* old = std::getenv("WEBEX_ACCESS_TOKEN")) {
      m_old = old;
    }
    if (value) {
      setenv("WEBEX_ACCESS_TOKEN", value, 1);
    } else {
      unsetenv("WEBEX_ACCESS_TOKEN");
    }
  }
  ~EnvToken() {
    if (m_old) {
      setenv("WEBEX_ACCESS_TOKEN", m_old->c_str(), 1);
    } else {
      unsetenv("WEBEX_ACCESS_TOKEN");
    }
  }

 private:
  std::optional<std::string> m_old;
};

fs::path write_token_file(const std::string& name, const std::string& content, fs::perms perms) {
  auto path = fs::temp_directory_path() / ("wxphones-test-" + std::to_string(::getpid()) + "-" + name);
  {
    std::ofstream out(path, std::ios::trunc);
    out << content;
  }
  fs::permissions(path, perms);
  return path;
}

}  // namespace

TEST_CASE("the token file wins over the environment, trimmed, and is registered for redaction") {
  EnvToken env("env-token-should-not-be-used");
  auto path =
      write_token_file("a", "  file-token-abcdef123456\n\n", fs::perms::owner_read | fs::perms::owner_write);
  wx::webex_test::LogCapture capture;
  CHECK(wx::resolve_access_token(path) == "file-token-abcdef123456");
  CHECK(capture.text().find("chmod") == std::string::npos);
  CHECK(wx::redact("x file-token-abcdef123456 y") == "x *** y");
  fs::remove(path);
}

TEST_CASE("a token file readable by others gives a warning") {
  auto path = write_token_file(
      "b", "file-token-0000000000",
      fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  wx::webex_test::LogCapture capture;
  CHECK(wx::resolve_access_token(path) == "file-token-0000000000");
  auto logs = capture.text();
  CHECK(logs.find("warn") != std::string::npos);
  CHECK(logs.find("chmod 600") != std::string::npos);
  CHECK(logs.find("file-token-0000000000") == std::string::npos);
  fs::remove(path);
}

TEST_CASE("without a file the environment is used") {
  EnvToken env(" env-token-1234567890 ");
  CHECK(wx::resolve_access_token(std::nullopt) == "env-token-1234567890");
}

TEST_CASE("no file and no environment: an error naming both options") {
  EnvToken env(nullptr);
  try {
    wx::resolve_access_token(std::nullopt);
    FAIL("expected an error");
  } catch (const std::runtime_error& e) {
    std::string text = e.what();
    CHECK(text.find("WEBEX_ACCESS_TOKEN") != std::string::npos);
    CHECK(text.find("--token-file") != std::string::npos);
  }
}

TEST_CASE("a missing or empty token file is an error") {
  CHECK_THROWS_AS(wx::resolve_access_token(fs::path("/nonexistent/wxphones-token")), std::runtime_error);
  auto path = write_token_file("c", " \n", fs::perms::owner_read | fs::perms::owner_write);
  CHECK_THROWS_AS(wx::resolve_access_token(path), std::runtime_error);
  fs::remove(path);
}

namespace {

// Sets the three refresh variables for one test (nullptr = unset) and restores them afterwards.
class EnvRefresh {
 public:
  EnvRefresh(const char* id, const char* secret, const char* refresh) {
    set("WEBEX_CLIENT_ID", id);
    set("WEBEX_CLIENT_SECRET", secret);
    set("WEBEX_REFRESH_TOKEN", refresh);
  }
  ~EnvRefresh() {
    for (auto& [name, value] : m_old) {
      if (value) {
        setenv(name.c_str(), value->c_str(), 1);
      } else {
        unsetenv(name.c_str());
      }
    }
  }

 private:
  void set(const char* name, const char* value) {
    const char* old = std::getenv(name);
    m_old.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> m_old;
};

}  // namespace

TEST_CASE("refresh credentials come from all three environment variables or none") {
  {
    EnvRefresh env(nullptr, nullptr, nullptr);
    CHECK_FALSE(wx::resolve_refresh_credentials().has_value());
  }
  {
    EnvRefresh env("cid", "client-secret-from-env-123", "refresh-token-from-env-123");
    auto grant = wx::resolve_refresh_credentials();
    REQUIRE(grant.has_value());
    CHECK(grant->client_id == "cid");
    CHECK(wx::redact("x refresh-token-from-env-123 y").find("refresh-token-from-env") == std::string::npos);
  }
  {
    EnvRefresh env("cid", nullptr, "refresh-token-from-env-123");
    try {
      wx::resolve_refresh_credentials();
      FAIL("expected an error");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find("WEBEX_CLIENT_SECRET") != std::string::npos);
      CHECK(std::string(e.what()).find("refresh-token-from-env") == std::string::npos);
    }
  }
}

TEST_CASE("with refresh credentials an access token is optional") {
  EnvToken token(nullptr);
  CHECK(wx::resolve_access_token(std::nullopt, false).empty());
  CHECK_THROWS_AS(wx::resolve_access_token(std::nullopt, true), std::runtime_error);
}
