#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan, fuzz/README.md) and runs each for a bounded time
# over a COPY of its corpus in fuzz/corpus/: new inputs never land in the repo. Fails on the first
# crash, leak, UB report or timeout; the input that caused it is kept under BUILD/fuzz-artifacts/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   run every target (default 60 s each)
#   scripts/fuzz.sh --merge TARGET DIR...  add the inputs of DIR... that reach new code to the corpus
#   scripts/fuzz.sh --minimize TARGET      shrink fuzz/corpus/TARGET to the inputs that add coverage
#   scripts/fuzz.sh --reseed TARGET        --merge the seeds fuzz/seeds.py writes (after new examples)
#
# WX_FUZZ_BUILD picks the build directory (default build-asan, which the ASan unit tests share);
# WX_FUZZ_TARGETS limits the run to some targets ("manifest responses").
set -euo pipefail
cd "$(dirname "$0")/.."
build=${WX_FUZZ_BUILD:-build-asan}
read -r -a targets <<<"${WX_FUZZ_TARGETS:-manifest responses}"
jobs=$(nproc 2>/dev/null || echo 2)

sanitizer_env() {
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
}

build_targets() {
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DWX_SANITIZE=ON \
    -DWX_FUZZ=ON >/dev/null
  local names=()
  for t in "$@"; do names+=("fuzz_$t"); done
  cmake --build "$build" -j"$jobs" --target "${names[@]}"
}

check_target() {
  [[ -d fuzz/corpus/$1 ]] || { echo "fuzz.sh: unknown target '$1' (fuzz/corpus/$1 is missing)" >&2; exit 2; }
}

# Keeps the corpus small: a set-cover merge keeps a near-minimal set of inputs with the same coverage.
merge_into_corpus() {
  local target=$1
  shift
  local fresh
  fresh=$(mktemp -d)
  sanitizer_env
  "$build/fuzz/fuzz_$target" -set_cover_merge=1 -timeout=10 -rss_limit_mb=2048 "$fresh" "fuzz/corpus/$target" "$@" \
    2>"$fresh.log" || { tail -n 30 "$fresh.log" >&2; rm -rf "$fresh" "$fresh.log"; exit 1; }
  grep -E "MERGE-OUTER: [0-9]+ new files" "$fresh.log" || true
  rm -f "fuzz/corpus/$target"/*
  cp "$fresh"/* "fuzz/corpus/$target/"
  rm -rf "$fresh" "$fresh.log"
  echo "fuzz/corpus/$target: $(find "fuzz/corpus/$target" -type f | wc -l) inputs, $(du -sb "fuzz/corpus/$target" | cut -f1) bytes"
}

case "${1:-}" in
  --merge | --minimize | --reseed)
    mode=$1
    target=${2:?"usage: scripts/fuzz.sh $1 TARGET"}
    check_target "$target"
    build_targets "$target"
    if [[ $mode == --merge ]]; then
      shift 2
      merge_into_corpus "$target" "$@"
    elif [[ $mode == --minimize ]]; then
      merge_into_corpus "$target"
    else
      seeds=$(mktemp -d)
      traffic=()
      [[ -f build/e2e-traffic/traffic.jsonl ]] && traffic+=(build/e2e-traffic/traffic.jsonl)
      python3 fuzz/seeds.py "$target" "$seeds" "${traffic[@]}"
      merge_into_corpus "$target" "$seeds"
      rm -rf "$seeds"
    fi
    exit 0
    ;;
esac

seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2; exit 2; }
for t in "${targets[@]}"; do check_target "$t"; done
build_targets "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sanitizer_env
status=0
for t in "${targets[@]}"; do
  artifacts="$build/fuzz-artifacts/$t"
  mkdir -p "$work/$t" "$artifacts"
  cp fuzz/corpus/"$t"/* "$work/$t/"
  dict=()
  [[ -f fuzz/$t.dict ]] && dict=(-dict="fuzz/$t.dict")
  echo "== fuzz_$t for ${seconds}s ($(find "$work/$t" -type f | wc -l) corpus inputs)"
  # -timeout: one input may take 10 s (a hang is a finding); -rss_limit_mb: so may 2 GB of memory.
  # fuzz/regressions/ holds past findings; libFuzzer replays them first and writes only to $work.
  if "$build/fuzz/fuzz_$t" "$work/$t" "fuzz/regressions/$t" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts/" -print_final_stats=1 \
    >"$work/$t.log" 2>&1; then
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|DONE" "$work/$t.log" || true
  else
    status=1
    tail -n 60 "$work/$t.log"
    echo "fuzz_$t FAILED; the input is in $artifacts/ (reproduce: $build/fuzz/fuzz_$t FILE)" >&2
  fi
done
exit $status
