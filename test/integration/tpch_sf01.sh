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
# One process loads the data once; each query's answer goes to its own file.
script=$work/run.sql
echo "CALL tpch_load('$data');" > "$script"
for q in $(seq -w 1 22); do
  query=$(sed -e 's/;[[:space:]]*$//' "$shared/tpch/queries/q$q.sql")
  echo "COPY ($query) TO '$work/results/q$q.csv' (FORMAT csv, HEADER);" >> "$script"
done
"$build/basin" -f "$script" > /dev/null || echo "basin stopped at the error above; later answers are missing"
"$build/test/basin_tpch_answers" "$work/results" "$shared/tpch/answers-sf0.1"
