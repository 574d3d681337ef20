#!/usr/bin/env bash
# Loads the official TPC-H SF0.1 data (dbgen .tbl files) with CALL tpch_load, runs
# the 22 queries through `basin --format csv` and compares every answer with
# ../shared/tpch/answers-sf0.1 (basin_tpch_answers). Usage: tpch_sf01.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
shared=${BASIN_SHARED_DIR:-$(pwd)/../shared}
archive=$shared/tpch/sf0.1/tpch-sf0.1.tar.zst
if [ ! -f "$archive" ]; then
  echo "skipped: $archive not found (set BASIN_SHARED_DIR)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/results"
tar --zstd -xf "$archive" -C "$work/data"
# The archive may hold the .tbl files in a subdirectory.
data=$(dirname "$(find "$work/data" -name lineitem.tbl | head -1)")
for q in $(seq -w 1 22); do
  "$build/basin" --format csv -c "CALL tpch_load('$data')" -f "$shared/tpch/queries/q$q.sql" \
    > "$work/results/q$q.csv" 2> "$work/results/q$q.err" || cat "$work/results/q$q.err"
done
"$build/test/basin_tpch_answers" "$work/results" "$shared/tpch/answers-sf0.1"
