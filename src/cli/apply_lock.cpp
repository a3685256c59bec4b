#include "cli/apply_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

namespace wx::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLockName = "wxphones-apply.lock";

// A worktree's .git is a file "gitdir: PATH"; a normal checkout's is the directory itself.
std::optional<fs::path> git_dir_at(const fs::path& dir) {
  std::error_code ec;
  const fs::path dot_git = dir / ".git";
  if (fs::is_directory(dot_git, ec)) return dot_git;
  if (!fs::is_regular_file(dot_git, ec)) return std::nullopt;
  std::ifstream in(dot_git);
  std::string line;
  std::getline(in, line);
  constexpr std::string_view prefix = "gitdir: ";
  if (line.rfind(prefix, 0) != 0) return std::nullopt;
  fs::path target = line.substr(prefix.size());
  if (target.is_relative()) target = dir / target;
  return fs::is_directory(target, ec) ? std::optional<fs::path>(target) : std::nullopt;
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string holder_of(int fd) {
  std::string text(256, '\0');
  const ssize_t n = pread(fd, text.data(), text.size(), 0);
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return text.empty() ? "another process" : text;
}

}  // namespace

fs::path apply_lock_path(const fs::path& manifests) {
  std::error_code ec;
  fs::path start = fs::absolute(manifests, ec);
  if (ec) start = manifests;
  if (!fs::is_directory(start, ec)) start = start.parent_path();
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    if (auto git = git_dir_at(dir)) return *git / kLockName;
    if (dir == dir.root_path()) break;
  }
  return start / ("." + std::string(kLockName));
}

std::optional<ApplyLock> ApplyLock::acquire(const fs::path& manifests, std::string& error) {
  const fs::path path = apply_lock_path(manifests);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = "cannot open the apply lock " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    if (err == EWOULDBLOCK) {
      error = "another wxphones apply is running from this checkout (" + holder_of(fd) + "; lock " +
              path.string() +
              "). Nothing was changed. Wait for it to finish; in CI, put every apply to one organisation "
              "in one concurrency group (README, \"Running in CI\").";
    } else {
      error = "cannot take the apply lock " + path.string() + ": " + std::strerror(err);
    }
    ::close(fd);
    return std::nullopt;
  }
  std::ostringstream holder;
  holder << "pid " << ::getpid() << ", started " << utc_now() << "\n";
  const std::string text = holder.str();
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.data(), text.size(), 0) < 0) {
    // The lock holds without the note; only the message of a second apply is poorer.
  }
  return ApplyLock(fd, path);
}

ApplyLock::ApplyLock(ApplyLock&& other) noexcept : m_fd(other.m_fd), m_path(std::move(other.m_path)) {
  other.m_fd = -1;
}

ApplyLock::~ApplyLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing the last descriptor releases the flock
}

}  // namespace wx::cli
