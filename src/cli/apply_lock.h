#pragma once
// One apply per checkout at a time. The lock is an advisory flock() on a file inside the checkout's
// .git directory (so it never shows as a change), or next to the manifests outside git. The kernel
// drops it when the process ends, however it ends: a killed apply never leaves a stale lock.
#include <filesystem>
#include <optional>
#include <string>

namespace wx::cli {

class ApplyLock {
 public:
  // The lock, or nullopt with `error` naming who holds it (pid, start time) and what to do.
  static std::optional<ApplyLock> acquire(const std::filesystem::path& manifests, std::string& error);

  ApplyLock(ApplyLock&& other) noexcept;
  ApplyLock& operator=(ApplyLock&&) = delete;
  ApplyLock(const ApplyLock&) = delete;
  ApplyLock& operator=(const ApplyLock&) = delete;
  ~ApplyLock();

  const std::filesystem::path& path() const { return m_path; }

 private:
  ApplyLock(int fd, std::filesystem::path path) : m_fd(fd), m_path(std::move(path)) {}
  int m_fd = -1;
  std::filesystem::path m_path;
};

// Where the lock of the checkout holding `manifests` (a directory or a saved plan) lives.
std::filesystem::path apply_lock_path(const std::filesystem::path& manifests);

}  // namespace wx::cli
