#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "webex/local_server.h"
#include "wxphones/webex/webex_client.h"

using wx::webex_test::LocalServer;

TEST_CASE("no more than max_in_flight requests are on the wire at once, across threads") {
  LocalServer srv;
  std::atomic<int> now{0};
  std::atomic<int> peak{0};
  std::atomic<int> total{0};
  srv.server.Get("/v1/slow", [&](const httplib::Request&, httplib::Response& res) {
    int current = ++now;
    int seen = peak.load();
    while (current > seen && !peak.compare_exchange_weak(seen, current)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    --now;
    ++total;
    res.set_content("{}", "application/json");
  });
  srv.start();
  auto config = srv.config();
  config.max_in_flight = 3;
  wx::WebexClient client(config);

  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 3; ++i) {
        client.get("/slow");
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  CHECK(total == 18);
  CHECK(peak <= 3);
  CHECK(peak >= 2);  // the bound is not accidentally 1
}

TEST_CASE("connections are kept alive and reused") {
  LocalServer srv;
  srv.server.set_keep_alive_max_count(100);
  std::mutex mutex;
  std::set<int> client_ports;
  srv.server.Get("/v1/ping", [&](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard lock(mutex);
      client_ports.insert(req.remote_port);
    }
    res.set_content("{}", "application/json");
  });
  srv.start();
  wx::WebexClient client(srv.config());
  for (int i = 0; i < 10; ++i) {
    client.get("/ping");
  }
  CHECK(client_ports.size() == 1);
}
