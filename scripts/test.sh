#!/usr/bin/env bash
# Sets everything up and runs every test: unit, end-to-end (real binary against the emulator),
# OpenAPI conformance of the traffic they caused, and the unit tests again under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== unit, end-to-end and conformance tests"
ctest --test-dir build --output-on-failure

echo "== unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DWX_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs" --target unit_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-asan/tests/unit_tests
