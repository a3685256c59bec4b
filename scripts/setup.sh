#!/usr/bin/env bash
# Installs wxphones' build dependencies (Debian 12 packages) and builds it into build/.
# Idempotent: packages already installed are not fetched again. Run as root on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libyaml-cpp-dev libcurl4-openssl-dev nlohmann-json3-dev libspdlog-dev
  doctest-dev libcli11-dev libcpp-httplib-dev
  clang libclang-rt-14-dev  # the sanitizer + libFuzzer build (scripts/test.sh, scripts/fuzz.sh)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
