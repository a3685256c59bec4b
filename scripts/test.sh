#!/usr/bin/env bash
# Sets everything up and runs every test: unit, end-to-end (real binary against the emulator),
# OpenAPI conformance of the traffic they caused, the unit tests again under ASan+UBSan, and a bounded
# fuzzing run of the manifest loader and the response readers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== unit, end-to-end and conformance tests"
ctest --test-dir build --output-on-failure

# One clang build (fuzz/README.md) serves the sanitized unit tests and the libFuzzer targets.
echo "== unit tests under AddressSanitizer and UndefinedBehaviorSanitizer (clang)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DWX_SANITIZE=ON -DWX_FUZZ=ON \
  >/dev/null
cmake --build build-asan -j"$jobs" --target unit_tests fuzz_manifest fuzz_responses
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-asan/tests/unit_tests

echo "== fuzzing: each libFuzzer target for ${WX_FUZZ_SECONDS:-60} s over a copy of fuzz/corpus/"
WX_FUZZ_BUILD=build-asan scripts/fuzz.sh "${WX_FUZZ_SECONDS:-60}"
