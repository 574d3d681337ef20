#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for $1 seconds on its corpus.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBASIN_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)"
status=0
for target in build-fuzz/test/fuzz/*_fuzz; do
  [ -x "$target" ] || continue
  name=$(basename "$target" _fuzz)
  corpus=test/fuzz/corpus/$name
  work=$(mktemp -d)
  echo "== fuzzing $name for $seconds s"
  if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
      "$work" ${corpus:+$([ -d "$corpus" ] && echo "$corpus")} 2>"$work/log"; then
    tail -50 "$work/log"
    status=1
  else
    grep -E "stat::number_of_executed_units" "$work/log" || true
  fi
  rm -rf "$work"
done
exit $status
