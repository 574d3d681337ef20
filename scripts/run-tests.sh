#!/usr/bin/env bash
# Runs every test against the build in $1: unit tests (GoogleTest), SQL tests
# (sqllogictest files under test/sql), and the differential test against a real
# PostgreSQL server (skipped with --no-differential).
set -euo pipefail
build=${1:-build}
shift || true
differential=1
for arg in "$@"; do
  [ "$arg" = "--no-differential" ] && differential=0
done
cd "$(dirname "$0")/.."

failed=0
echo "== unit tests"
"$build/test/basin_unit_tests" --gtest_brief=1 || failed=1
echo "== SQL tests"
"$build/test/basin_sqllogictest" test/sql || failed=1
echo "== CLI COPY FROM STDIN / TO STDOUT"
test/integration/cli_copy.sh "$build" || failed=1
shared_dir=${BASIN_SHARED_DIR:-$(pwd)/../shared}
# DuckDB, the peer that reads the files Basin writes and writes files Basin reads
# (npm, into ~/.cache/basin-peers; idempotent). Tests that need it skip without it.
if [ -f "$shared_dir/peers/setup.sh" ] && command -v npm >/dev/null; then
  bash "$shared_dir/peers/setup.sh" >/dev/null 2>&1 || echo "note: the DuckDB peer could not be installed"
fi
echo "== Parquet files exchanged with DuckDB"
BASIN_SHARED_DIR=$shared_dir test/integration/parquet_duckdb.sh "$build" || failed=1
echo "== Parquet conformance against DuckDB (apache/parquet-testing)"
BASIN_SHARED_DIR=$shared_dir test/integration/parquet_conformance.sh "$build" || failed=1
echo "== TPC-H SF0.1 answers (tpch_load + 22 queries)"
if [ -f "$shared_dir/tpch/sf0.1/tpch-sf0.1.tar.zst" ] && [ -x "$build/test/basin_tpch_answers" ]; then
  test/integration/tpch_sf01.sh "$build" || failed=1
else
  echo "skipped: no $shared_dir/tpch/sf0.1/tpch-sf0.1.tar.zst (set BASIN_SHARED_DIR)"
fi
if [ "$differential" = 1 ] && [ -x test/integration/postgres_differential.sh ]; then
  echo "== differential test against PostgreSQL"
  test/integration/postgres_differential.sh "$build" || failed=1
fi
exit $failed
