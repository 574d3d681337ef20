#!/usr/bin/env bash
# Runs each libFuzzer target of the build in $1 (made by `make asan-build`) for $2
# seconds, starting from its seed corpus under test/fuzz/corpus/<name>/.
set -euo pipefail
build=${1:-build-asan}
seconds=${2:-60}
cd "$(dirname "$0")/.."
status=0
for target in "$build"/test/fuzz/*_fuzz; do
  [ -x "$target" ] || continue
  name=$(basename "$target" _fuzz)
  work=$(mktemp -d)
  seeds=()
  [ -d "test/fuzz/corpus/$name" ] && seeds=("test/fuzz/corpus/$name")
  echo "== fuzzing $name for $seconds s"
  if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
      "$work" "${seeds[@]}" 2>"$work.log"; then
    tail -50 "$work.log"
    status=1
  else
    grep -E "stat::number_of_executed_units" "$work.log" || true
  fi
  rm -rf "$work" "$work.log"
done
exit $status
