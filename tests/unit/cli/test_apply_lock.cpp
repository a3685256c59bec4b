#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/apply_lock.h"

using wx::cli::apply_lock_path;
using wx::cli::ApplyLock;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("wxphones-lock-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("the apply lock lives in the checkout's .git directory, or next to the manifests") {
  const fs::path repo = fresh_dir("repo");
  fs::create_directories(repo / ".git");
  fs::create_directories(repo / "phones" / "hq");
  CHECK(apply_lock_path(repo / "phones" / "hq") == repo / ".git" / "wxphones-apply.lock");
  CHECK(apply_lock_path(repo / "phones" / "plan.json") == repo / ".git" / "wxphones-apply.lock");

  // A worktree: .git is a file naming the real git directory.
  const fs::path worktree = fresh_dir("worktree");
  fs::create_directories(repo / ".git" / "worktrees" / "w");
  { std::ofstream(worktree / ".git") << "gitdir: " << (repo / ".git" / "worktrees" / "w").string() << "\n"; }
  CHECK(apply_lock_path(worktree) == repo / ".git" / "worktrees" / "w" / "wxphones-apply.lock");

  const fs::path plain = fresh_dir("plain");
  if (apply_lock_path(plain).parent_path() == plain) {  // unless the temp directory sits in a checkout
    CHECK(apply_lock_path(plain) == plain / ".wxphones-apply.lock");
  }
  fs::remove_all(repo);
  fs::remove_all(worktree);
  fs::remove_all(plain);
}

TEST_CASE("a second apply from the same checkout is refused until the first lets go") {
  const fs::path repo = fresh_dir("held");
  fs::create_directories(repo / ".git");
  std::string error;
  {
    auto first = ApplyLock::acquire(repo, error);
    REQUIRE(first.has_value());
    std::string refused;
    CHECK_FALSE(ApplyLock::acquire(repo, refused).has_value());  // flock is per open file: also in-process
    CHECK(refused.find("another wxphones apply is running") != std::string::npos);
    CHECK(refused.find("pid " + std::to_string(::getpid())) != std::string::npos);
    CHECK(refused.find("Nothing was changed") != std::string::npos);
  }
  CHECK(ApplyLock::acquire(repo, error).has_value());  // released with the first
  fs::remove_all(repo);
}
