#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace wx {

// Runs fn(i) for i in [0, count) on at most `max_threads` threads. The first exception thrown by
// any call is rethrown after all threads finish; the remaining indexes are not started.
template <typename Fn>
void parallel_for(std::size_t count, int max_threads, Fn fn) {
  if (count == 0) return;
  const std::size_t workers =
      std::min<std::size_t>(count, static_cast<std::size_t>(std::max(1, max_threads)));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace wx
